"""The service's SPARQL, Graph Store, search-in-SPARQL, JSON API and entity-page tests, run against each remote store.

The tests are the very functions of ``tests/api``; the fixtures of this folder give them an app
whose ``GYORYU_STORE`` is a store server (oxigraph server, Virtuoso) loaded by the build's loader.
Left out: tests that never reach the graph store (search and partner finding read the built index;
the command line reads the built data's embedded store; parameter checks answer before any query),
which ``tests/api`` runs once.
"""

from tests.api.test_entities import *  # noqa: F403
from tests.api.test_json_api import *  # noqa: F403
from tests.api.test_sparql_clients import *  # noqa: F403
from tests.api.test_sparql_datasets import *  # noqa: F403
from tests.api.test_sparql_protocol import *  # noqa: F403
from tests.api.test_sparql_search import *  # noqa: F403

del (test_search_finds_return_to_farming_rows, test_every_mode_answers,  # noqa: F821
     test_partners_rank_entities_with_evidence, test_partners_like_excludes_existing_partners,  # noqa: F821
     test_cli_runs_search_inside_sparql, test_invalid_requests_get_json_errors)  # noqa: F821
