"""More Russian corporate phrases and anglicisms for jargon («Дополняйте в комментах»)."""

__version__ = "1.0.0"
