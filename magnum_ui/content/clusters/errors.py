"""Horizon's error handling with Magnum's own message kept."""

from horizon import exceptions

from magnum_ui.api import magnum


def handle(request, message, exc, **kwargs):
    """``exceptions.handle`` showing ``message`` then Magnum's words."""
    return exceptions.handle(request, message,
                             details=magnum.error_message(exc), **kwargs)
