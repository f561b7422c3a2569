"""PostgreSQL: migrations tell the planner the data is in memory (random_page_cost 1.1), so
a cohort's learners are found by index, not by reading every official (the plans are
measured on the seed_scale dataset by `make loadtest`; a test database is too small to
show them)."""

import psycopg
import pytest
from django.db import connection

pytestmark = pytest.mark.django_db


def test_every_new_connection_gets_the_planner_costs_of_data_in_memory():
    if connection.vendor != "postgresql":
        pytest.skip("a PostgreSQL planner setting (set DATABASE_URL=postgres://...)")
    s = connection.settings_dict
    # A connection of its own: the setting holds for sessions opened after migrate.
    with psycopg.connect(host=s["HOST"], port=s["PORT"] or 5432, user=s["USER"],
                         password=s["PASSWORD"] or None, dbname=s["NAME"]) as session:
        assert session.execute("show random_page_cost").fetchone()[0] == "1.1"
