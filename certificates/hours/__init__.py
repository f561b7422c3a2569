"""Training hours against state requirements: the rule files' schema and loader
(requirements.py) and the window arithmetic (windows.py). Pure Python: no models."""
