"""Application services: what the screens call. No widgets here; Qt-free except where noted."""
