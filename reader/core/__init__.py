"""The domain core: plain data in, plain data out; no Textual or Rich imports."""
