"""`check`: plan the gates, run them concurrently, and decide what can be skipped."""
