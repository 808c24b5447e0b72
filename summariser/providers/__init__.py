"""Who answers: an OpenAI-compatible endpoint, or the embedded model in process.

endpoint.py    the openai + instructor clients for the settings
instructed.py  the instructor glue: response model, re-ask policy, output mode
sdk_errors.py  SDK and instructor failures read into our errors, secrets scrubbed
embedded/      the embedded model: weights, llama.cpp backend, transport, server
"""
