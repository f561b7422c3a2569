"""The people app's rules that more than one entry point uses (profile page, admin)."""

from .bodies import BodyError, MembershipRow, body_find_or_create, body_memberships_save

__all__ = ["BodyError", "MembershipRow", "body_find_or_create", "body_memberships_save"]
