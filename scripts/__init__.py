"""Scripts that maintain the repository: run them with the project's interpreter."""
