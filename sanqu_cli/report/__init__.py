"""Reports: findings rendered for people (terminal) and for machines (JSON, JUnit)."""
