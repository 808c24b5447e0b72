"""The provider's Batch API: the online batch's requests, sent as files, at half the price.

lines.py    the request lines (custom_id, method, url, body), cut into files at the limits
store.py    which article went into which file and batch: kept in the batch cache, so a killed
            run attaches to what it submitted instead of paying twice
jobs.py     the files and batches endpoints: upload, create, find, poll with backoff, download
run.py      run_batch_api and batch_api_status: every article one record, as online
"""

from .jobs import Polling
from .lines import Limits
from .run import batch_api_status, run_batch_api

__all__ = ["Limits", "Polling", "batch_api_status", "run_batch_api"]
