"""Bulk screening of batches too large for one process: partitioned input and output, on Dask.

`partitions`, `parquet`, `output` and `worker` need no Dask (Parquet needs pyarrow);
`dask_engine` needs the `dask` extra: `pip install 'hajiz[dask]'`.
"""
