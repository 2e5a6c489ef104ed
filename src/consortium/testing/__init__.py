"""What the tests share: factories, the people and scenes they are built around, the demo.

Tests ask for the fixtures by name (see `consortium.testing.fixtures`): no import needed.
"""
