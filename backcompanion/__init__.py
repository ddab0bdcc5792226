"""BackCompanion: a desktop companion for a home exercise program for low back pain."""

__version__ = "0.1.0"
APP_NAME = "BackCompanion"
ORG_NAME = "BackCompanion"
