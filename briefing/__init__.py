"""briefing: turn news articles on ceasefire and hostage talks into traceable records."""

__version__ = "0.1.0"
