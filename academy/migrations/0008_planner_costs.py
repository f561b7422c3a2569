"""PostgreSQL: tell the planner that reading a row by index costs about what reading it in
sequence does (random_page_cost 1.1, PostgreSQL's default is 4, a figure for spinning
disks), as it does when the data is in memory or on SSD, which is the academy's case.

With the default, a 400-learner roster sorted by name read all 20,000 officials to join
them (6 to 9 ms a request) rather than look up its 400 by primary key (1.5 ms); the
attendance sheet, grid and certificates tab did the same. Set on the database, so it holds
for every connection, through a pooler too. Where the role may not alter its database
(some managed services), the migration says so and changes nothing: set it in the
server's configuration instead (README, "PostgreSQL").
"""

from django.db import migrations

SET = """
DO $$
BEGIN
  EXECUTE format('ALTER DATABASE %I SET random_page_cost = 1.1', current_database());
EXCEPTION WHEN insufficient_privilege THEN
  RAISE NOTICE 'random_page_cost not set: this role may not alter the database';
END $$;
"""

RESET = """
DO $$
BEGIN
  EXECUTE format('ALTER DATABASE %I RESET random_page_cost', current_database());
EXCEPTION WHEN insufficient_privilege THEN
  NULL;
END $$;
"""


def _run(schema_editor, sql):
    if schema_editor.connection.vendor == "postgresql":
        with schema_editor.connection.cursor() as cursor:
            cursor.execute(sql)  # no parameters: format()'s %I is not a placeholder


def forwards(apps, schema_editor):
    _run(schema_editor, SET)


def backwards(apps, schema_editor):
    _run(schema_editor, RESET)


class Migration(migrations.Migration):
    dependencies = [("academy", "0007_locale_en")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
