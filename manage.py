#!/usr/bin/env python
import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "academy.settings")
    # A checkout with nothing configured is a development machine: `manage.py makemigrations`
    # or `runserver` work there as `make run` does. Production sets DJANGO_SECRET_KEY (the
    # settings refuse to start without it), so this never turns DEBUG on there; gunicorn
    # does not pass through here at all.
    if "DJANGO_DEBUG" not in os.environ and "DJANGO_SECRET_KEY" not in os.environ:
        os.environ["DJANGO_DEBUG"] = "true"
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
