"""The terminal's service layer: the one facade the UI, the demo and scripts call.

No Qt here: long calls are plain blocking methods; the UI runs them on its workers.
"""
