"""Many articles in, one record per article out: the batch engine.

context.py         what every mode shares: inputs read once, skipped, cached, counted
run.py             abatch, summarise_articles, extract_records: the batch online
flow.py            the paced fan-out, and inputs read on a thread
offload.py         the pure stages in worker processes
records.py         the record of one article: its briefing or its error
briefing_cache.py  briefings already paid for
output.py          JSONL lines, resumable files, the extract-only listing
digest/            the batch as one page: Markdown or HTML
batch_api/         the batch through the provider's Batch API (files, batches, resume)
on_ray.py          the batch on Ray Data: an actor pool, one Summariser an actor
                   (a new mode: a module that asks the model, over context.triage / keep)
progress.py        the progress bar and the summary line
pricing.py         what a batch cost
"""
