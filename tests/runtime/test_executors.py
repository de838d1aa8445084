"""Executors: results in item order from this process, local processes and a real Dask cluster; a failed task is
named and stops the map; :func:`per_worker` makes its value once per worker process."""

from __future__ import annotations

import time
from collections.abc import Iterator
from functools import partial

import pytest
from distributed import LocalCluster

from runtime.executors import (
    DaskExecutor,
    ExecutorError,
    ProcessExecutor,
    SerialExecutor,
    WorkFailed,
    chunks,
    open_executor,
    per_worker,
)

NUMBERS = [5, -3, 8, -1, 0, 13, -21, 34]


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as cluster:
        yield cluster.scheduler_address


@pytest.fixture(params=["serial", "processes", "dask"])
def executor(request, scheduler):
    made = {"serial": SerialExecutor, "processes": partial(ProcessExecutor, 2),
            "dask": partial(DaskExecutor, scheduler)}[request.param]()
    yield made
    made.close()


def test_results_come_back_in_item_order(executor) -> None:
    labels = [f"doc-{n}" for n in NUMBERS]
    assert list(executor.map(abs, NUMBERS, labels)) == [5, 3, 8, 1, 0, 13, 21, 34]
    assert list(executor.map(abs, [], [])) == []


def test_a_failed_task_is_named_and_ends_the_map(executor) -> None:
    results = executor.map(int, ["1", "2", "x3", "4"], ["a.txt", "b.txt", "c.txt", "d.txt"])
    assert next(results) == 1 and next(results) == 2
    with pytest.raises(WorkFailed, match=r"^c\.txt: ValueError: invalid literal for int\(\) with base 10: 'x3'$") as e:
        next(results)
    assert e.value.label == "c.txt"


def test_per_worker_makes_its_value_once_in_each_worker(executor) -> None:
    # Each task asks for the value of one key; the value is the time it was made, so tasks on the same worker
    # return the same time and there are no more distinct times than workers.
    made = list(executor.map(partial(per_worker, ("test", id(executor))), [time.perf_counter_ns] * 12,
                             [str(n) for n in range(12)]))
    assert len(made) == 12 and 1 <= len(set(made)) <= executor.workers


def test_a_worker_process_that_dies_is_named() -> None:
    with open_executor(workers=2) as executor:
        assert executor.description == "in 2 local worker processes"
        with pytest.raises(WorkFailed, match=r"^doc-3: BrokenProcessPool: "):
            list(executor.map(exec, ["x = 1", "x = 2", "import os, time; time.sleep(1); os._exit(3)"],
                              ["doc-1", "doc-2", "doc-3"]))  # the third task's worker exits mid-task


def test_open_executor_picks_by_setting(scheduler) -> None:
    with open_executor() as serial, open_executor("local", 1) as also_serial:
        assert isinstance(serial, SerialExecutor) and isinstance(also_serial, SerialExecutor)
    with open_executor(scheduler, 1) as dask:
        assert dask.description == f"on the Dask cluster at {scheduler} (2 workers)" and dask.workers == 2
    with pytest.raises(ExecutorError, match="workers must be at least 1, not 0"):
        open_executor(workers=0).__enter__()


def test_a_scheduler_without_workers_is_refused() -> None:
    with LocalCluster(n_workers=0, processes=True, host="127.0.0.1", dashboard_address=None) as empty, \
            pytest.raises(ExecutorError, match=rf"^the Dask scheduler at {empty.scheduler_address} has no workers "
                                               r"\(none joined within 10 s\)$"):
        DaskExecutor(empty.scheduler_address)


def test_chunks() -> None:
    assert chunks("abcde", 2) == [["a", "b"], ["c", "d"], ["e"]]
    assert chunks([], 3) == []
