"""Annotate stage: language, entities, quotes, dates, outlets and quality flags of one article."""
