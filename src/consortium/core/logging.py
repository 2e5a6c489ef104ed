"""Logging filters used by the settings."""

import logging


class DropMessages(logging.Filter):
    """Drops records whose message contains one of `fragments`: known, harmless notices that
    would otherwise repeat on every run."""

    def __init__(self, fragments: list[str]) -> None:
        super().__init__()
        self.fragments = fragments

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        return not any(fragment in message for fragment in self.fragments)
