"""The resident's side: the offline pre-fill page that makes a KKN2 code (``kakanai web build``)."""
