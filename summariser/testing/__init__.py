"""Tools for testing code that uses summariser, without a model or a network.

stub_server.py  an OpenAI-compatible server on loopback that answers valid drafts at
                once, with scripted faults (429, 5xx, resets, stalls, invalid output)
"""
