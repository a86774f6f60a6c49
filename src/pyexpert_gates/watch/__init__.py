"""``watch``: run the gates again after every change, with resident tools and affected tests."""
