"""The result cache: where entries live, what keys them, and which inputs a gate reads."""
