"""A learner's record of finished modules."""

from django.conf import settings
from django.db import models


class ModuleCompletion(models.Model):
    """A learner finished a module. One row per (user, module)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="module_completions"
    )
    module = models.ForeignKey(
        "courses.ModulePage", on_delete=models.CASCADE, related_name="completions"
    )
    completed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "module"], name="unique_module_completion")
        ]
        ordering = ["-completed_at"]

    def __str__(self):
        return f"{self.user} completed {self.module_id}"
