"""newsdesk: scraped news in, clean and cross-checked stories out."""

__version__ = "0.1.0"
