"""Breakout groups: a facilitator places learners of one session in named groups."""

from django.db import models


class BreakoutPlacement(models.Model):
    """One learner in one breakout group of one session (a learner is in one group)."""

    session = models.ForeignKey(
        "cohorts.Session", on_delete=models.CASCADE, related_name="breakout_placements"
    )
    enrollment = models.ForeignKey(
        "cohorts.Enrollment", on_delete=models.CASCADE, related_name="breakout_placements"
    )
    group = models.CharField(max_length=60)

    class Meta:
        ordering = ["session_id", "group", "enrollment_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "enrollment"], name="unique_breakout_placement"
            )
        ]

    def __str__(self):
        return f"{self.enrollment_id} in {self.group}"
