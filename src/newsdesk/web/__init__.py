"""The web app: story, article, search and upload pages plus a JSON API (see :mod:`newsdesk.web.app`)."""
