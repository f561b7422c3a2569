"""Spanish as the academy writes it for US officials (courses/demo_data/es/NOTES.md):
a 12-hour clock with "p. m.", and the decimal point and thousands comma of the US and
Mexico ("6.5 horas", "1,200 participantes"). Everything else is Django's `es`."""

DATE_FORMAT = r"j \d\e F \d\e Y"
TIME_FORMAT = "g:i a"
DATETIME_FORMAT = r"j \d\e F \d\e Y, g:i a"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y g:i a"
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
