"""Publishing a workspace's consolidated store to PostgreSQL + PostGIS, in one transaction.

Everything the workspace holds is staged with COPY into temporary tables, then merged with
set-based statements:

* packages and proposal versions are insert-if-absent (their content is signed, so the same
  key with other content is refused, never overwritten);
* the consolidated layer ``qpvdesk.proposition`` gets, for each proposal, the version of the
  package its commune built last among all those on the server, under an optimistic row
  version: a row another writer changed since this transaction read it is skipped by the
  UPDATE, the transaction is rolled back (« modifiée entre-temps par … ») and the publish
  retried on fresh data, which merges both writers' versions; after ATTEMPTS stale attempts
  the French message reaches the user and nothing is written;
* unchanged rows are not touched, so publishing the same content twice changes nothing (not
  even a row version) and writes no publication record.
"""
from __future__ import annotations

import random
import time
from collections.abc import Sequence
from dataclasses import dataclass, field

from .connection import connect
from .content import (DECISION_COLUMNS, PACKAGE_COLUMNS, VERSION_COLUMNS, LocalContent,
                      read_local)
from .errors import ATTEMPTS, LOCK_TIMEOUT_S, PostgisProblem, StaleRows, Target, server_problem
from .schema import PROPOSITION_COLUMNS, PROVENANCE, ensure_postgis, ensure_schema
from .styles import StylesOutcome, write_styles
from .wording import plural

_FRENCH = [name for _, name, _ in PROPOSITION_COLUMNS]
_CURRENT_COLUMNS = (*_FRENCH, *(name for _, name in PROVENANCE), "surface_ha", "geom",
                    "empreinte")


@dataclass
class PublishOutcome:
    target: str
    proposals: int = 0            # the workspace's consolidated proposals, now all on the server
    packages_added: int = 0
    versions_added: int = 0
    proposals_changed: int = 0    # rows of qpvdesk.proposition added or brought up to date
    decisions_added: int = 0
    styles: StylesOutcome = field(default_factory=StylesOutcome)
    attempts: int = 1

    @property
    def changed(self) -> bool:
        return bool(self.packages_added or self.versions_added or self.proposals_changed
                     or self.decisions_added or self.styles.written)

    def summary(self) -> str:
        """« 125 propositions publiées, 3 décisions nouvelles dans … »"""
        if not self.proposals and not self.changed:
            text = f"Rien à publier dans {self.target} : aucune proposition reçue"
        elif not self.changed:
            text = (f"Rien de nouveau à publier dans {self.target} : "
                    + plural(self.proposals, "proposition déjà publiée",
                              "propositions déjà publiées"))
        else:
            fresh = self.proposals_changed
            detail = f" ({plural(fresh, 'nouvelle ou mise à jour', 'nouvelles ou mises à jour')})" \
                if fresh else ""
            text = (plural(self.proposals, "proposition publiée", "propositions publiées")
                    + detail + ", " + plural(self.decisions_added, "décision nouvelle",
                                               "décisions nouvelles")
                    + f" dans {self.target}")
        if self.styles.problem:
            return f"{text}. {self.styles.problem}"
        if self.styles.kept == 1:
            text += ". 1 style QGIS modifié dans QGIS depuis sa publication a été gardé tel quel"
        elif self.styles.kept:
            text += (f". {self.styles.kept} styles QGIS modifiés dans QGIS depuis leur "
                     "publication ont été gardés tels quels")
        return text + "."



def publish(workspace, dsn: str, password: str | None = None, agent: str | None = None,
            attempts: int = ATTEMPTS, lock_timeout_s: int = LOCK_TIMEOUT_S) -> PublishOutcome:
    """Publish the consolidated store of ``workspace`` (a models.workspace.Workspace) to the
    server ``dsn`` names. ``agent``: who publishes, for « modifiée entre-temps par … » (the
    database user when empty). PostgisProblem (French) on any failure, nothing written."""
    content = read_local(workspace.conn)
    return publish_content(content, dsn, password, agent, attempts, lock_timeout_s)


def publish_content(content: LocalContent, dsn: str, password: str | None = None,
                    agent: str | None = None, attempts: int = ATTEMPTS,
                    lock_timeout_s: int = LOCK_TIMEOUT_S) -> PublishOutcome:
    import psycopg
    from psycopg import errors

    with connect(dsn, password, "publish") as (conn, target):
        stale: StaleRows | None = None
        for attempt in range(1, max(1, attempts) + 1):
            try:
                outcome = _publish_once(conn, target, content, agent or "", lock_timeout_s)
                outcome.attempts = attempt
                return outcome
            except StaleRows as exc:
                stale = exc
            except (errors.SerializationFailure, errors.DeadlockDetected) as exc:
                stale = StaleRows(f"Un autre agent publiait au même moment dans {target} "
                                  f"({str(exc).splitlines()[0]})")
            except PostgisProblem:
                raise
            except psycopg.Error as exc:
                raise server_problem(exc, target, "publish",
                                     lock_timeout_s=lock_timeout_s) from None
            time.sleep(random.uniform(0.05, 0.3) * attempt)
        raise PostgisProblem(f"{stale} : rien n'a été publié ; réessayez dans un moment.")


def _publish_once(conn, target: Target, content: LocalContent, agent: str,
                  lock_timeout_s: int) -> PublishOutcome:
    from psycopg import errors

    outcome = PublishOutcome(str(target), proposals=len(content.proposal_uuids))
    with conn.transaction(), conn.cursor() as cur:
        cur.execute(f"SET LOCAL lock_timeout = '{int(lock_timeout_s)}s'")
        cur.execute("SELECT set_config('qpvdesk.agent', %s, true)", (agent,))
        ensure_postgis(cur, target)
        try:
            ensure_schema(cur, target)
        except errors.InsufficientPrivilege as exc:
            raise server_problem(exc, target, "publish", "de créer le schéma qpvdesk") from None
        _stage(cur, content)
        outcome.packages_added = _merge_packages(cur, target)
        outcome.versions_added = _merge_versions(cur, target)
        outcome.proposals_changed = _merge_current(cur, target)
        outcome.decisions_added = _merge_decisions(cur, target)
        outcome.styles = write_styles(cur, target)
        if outcome.changed:
            cur.execute("INSERT INTO qpvdesk.publication (agent, paquets_ajoutes, "
                        "versions_ajoutees, propositions_modifiees, decisions_ajoutees, "
                        "empreinte) VALUES (coalesce(nullif(%s, ''), session_user), %s, %s, "
                        "%s, %s, %s)",
                        (agent, outcome.packages_added, outcome.versions_added,
                         outcome.proposals_changed, outcome.decisions_added, content.digest()))
    return outcome


def _stage(cur, content: LocalContent) -> None:
    cur.execute(f"CREATE TEMP TABLE staged_package ({', '.join(_typed(PACKAGE_COLUMNS))}) "
                "ON COMMIT DROP")
    cur.execute(f"CREATE TEMP TABLE staged_version (package_uuid text, "
                f"{', '.join(_typed(VERSION_COLUMNS))}, geom_wkb bytea, content_sha256 text) "
                "ON COMMIT DROP")
    with cur.copy(f"COPY staged_package ({', '.join(PACKAGE_COLUMNS)}) FROM STDIN") as copy:
        for row in content.packages:
            copy.write_row(row)
    with cur.copy(f"COPY staged_version (package_uuid, {', '.join(VERSION_COLUMNS)}, geom_wkb, "
                  "content_sha256) FROM STDIN") as copy:
        for row in content.versions:
            copy.write_row(row)
    cur.execute(f"CREATE TEMP TABLE staged_decision ({', '.join(_typed(DECISION_COLUMNS))}, "
                "geom_wkb bytea, content_sha256 text) ON COMMIT DROP")
    with cur.copy(f"COPY staged_decision ({', '.join(DECISION_COLUMNS)}, geom_wkb, "
                  "content_sha256) FROM STDIN") as copy:
        for row in content.decisions:
            copy.write_row(row)
    cur.execute("CREATE INDEX ON staged_version (uuid)")
    cur.execute("ANALYZE staged_package")
    cur.execute("ANALYZE staged_version")
    cur.execute("ANALYZE staged_decision")


def _typed(columns: Sequence[str]) -> list[str]:
    integers = ("horizon_year", "proposal_count", "version")
    return [f"{name} {'integer' if name in integers else 'text'}" for name in columns]


# The checks below find what should never be there: no ORDER BY … LIMIT, which makes the
# planner bet on finding a row early and scan everything against everything when none is.


def _merge_packages(cur, target: Target) -> int:
    columns = ", ".join(PACKAGE_COLUMNS)
    cur.execute(f"INSERT INTO qpvdesk.received_package ({columns}, published_by) "
                f"SELECT {columns}, coalesce(nullif(current_setting('qpvdesk.agent', true), "
                "''), session_user) FROM staged_package ORDER BY uuid ON CONFLICT DO NOTHING")
    added = cur.rowcount
    cur.execute("""SELECT s.uuid FROM staged_package s JOIN qpvdesk.received_package p
        ON p.uuid = s.uuid OR p.file_sha256 = s.file_sha256
        WHERE (p.uuid, p.file_sha256, p.commune_insee, p.key_id, p.created, p.proposal_count)
        IS DISTINCT FROM (s.uuid, s.file_sha256, s.commune_insee, s.key_id, s.created,
                          s.proposal_count)""")
    differing = sorted(row[0] for row in cur.fetchall())
    if differing:
        raise PostgisProblem(
            f"Le paquet {differing[0]} figure dans {target} avec un autre contenu (même "
            "identifiant ou même fichier, mais commune, clé ou date différentes) : un des deux "
            "a été altéré ; signalez-le à l'administrateur. Rien n'a été publié.")
    return added


def _merge_versions(cur, target: Target) -> int:
    columns = ", ".join(VERSION_COLUMNS)
    cur.execute(f"INSERT INTO qpvdesk.received_proposal (package_uuid, {columns}, geom, "
                f"content_sha256) SELECT package_uuid, {columns}, "
                "ST_GeomFromWKB(geom_wkb, 2154), content_sha256 FROM staged_version "
                "ORDER BY uuid, package_uuid ON CONFLICT DO NOTHING")
    added = cur.rowcount
    cur.execute("""SELECT s.uuid FROM staged_version s JOIN qpvdesk.received_proposal r
        USING (uuid, package_uuid) WHERE r.content_sha256 <> s.content_sha256""")
    differing = sorted(row[0] for row in cur.fetchall())
    if differing:
        raise PostgisProblem(
            f"La proposition {differing[0]} figure dans {target} avec un autre contenu pour le "
            "même paquet : un des deux a été altéré ; signalez-le à l'administrateur. Rien "
            "n'a été publié.")
    cur.execute("""SELECT DISTINCT r.uuid, p.commune_insee, s.commune_insee
        FROM qpvdesk.received_proposal r
        JOIN qpvdesk.received_package p ON p.uuid = r.package_uuid
        JOIN staged_version v ON v.uuid = r.uuid
        JOIN staged_package s ON s.uuid = v.package_uuid
        WHERE p.commune_insee <> s.commune_insee""")
    clashes = sorted(cur.fetchall())
    if clashes:
        uuid, theirs, ours = clashes[0]
        raise PostgisProblem(
            f"La proposition {uuid} a été reçue de la commune {ours} dans cet espace de travail "
            f"mais de la commune {theirs} dans {target} : un identifiant ne peut venir que "
            "d'une commune ; vérifiez les deux paquets. Rien n'a été publié.")
    return added


def _merge_current(cur, target: Target) -> int:
    """Bring qpvdesk.proposition to the newest version of each proposal of this workspace,
    with the optimistic row version; StaleRows when another writer got there in between."""
    selected = ", ".join([*(f"r.{source} AS {name}" for source, name, _ in PROPOSITION_COLUMNS),
                          *(f"{source} AS {name}" for source, name in PROVENANCE)])
    cur.execute(f"""CREATE TEMP TABLE winner ON COMMIT DROP AS
        SELECT DISTINCT ON (r.uuid) {selected},
            round((ST_Area(r.geom) / 10000)::numeric, 4)::float8 AS surface_ha, r.geom,
            r.content_sha256 || ':' || r.package_uuid AS empreinte,
            c.ligne_version AS seen_version, c.empreinte AS seen_empreinte,
            c.uuid IS NOT NULL AS present
        FROM qpvdesk.received_proposal r
        JOIN qpvdesk.received_package p ON p.uuid = r.package_uuid
        LEFT JOIN qpvdesk.proposition c ON c.uuid = r.uuid
        WHERE r.uuid IN (SELECT uuid FROM staged_version)
        ORDER BY r.uuid, p.created::timestamptz DESC, p.received::timestamptz DESC,
                 p.uuid DESC""")
    cur.execute("SELECT uuid, present FROM winner WHERE NOT present "
                "OR seen_empreinte <> empreinte")
    expected = dict(cur.fetchall())
    if not expected:
        return 0
    assignments = ", ".join(f"{name} = w.{name}" for name in _CURRENT_COLUMNS if name != "uuid")
    cur.execute(f"""UPDATE qpvdesk.proposition c SET {assignments} FROM winner w
        WHERE c.uuid = w.uuid AND w.present AND w.seen_empreinte <> w.empreinte
          AND c.ligne_version = w.seen_version RETURNING c.uuid""")
    done = {row[0] for row in cur.fetchall()}
    columns = ", ".join(_CURRENT_COLUMNS)
    cur.execute(f"INSERT INTO qpvdesk.proposition ({columns}) SELECT {columns} FROM winner "
                "WHERE NOT present ORDER BY uuid ON CONFLICT (uuid) DO NOTHING RETURNING uuid")
    done.update(row[0] for row in cur.fetchall())
    missed = sorted(uuid for uuid in expected if uuid not in done)
    if missed:
        raise _stale(cur, missed, target)
    return len(done)


def _merge_decisions(cur, target: Target) -> int:
    """Insert-if-absent by decision uuid: the history only grows."""
    columns = ", ".join(DECISION_COLUMNS)
    cur.execute(f"INSERT INTO qpvdesk.decision ({columns}, geom, content_sha256, published_by) "
                f"SELECT {columns}, ST_GeomFromWKB(geom_wkb, 2154), content_sha256, "
                "coalesce(nullif(current_setting('qpvdesk.agent', true), ''), session_user) "
                "FROM staged_decision ORDER BY uuid ON CONFLICT (uuid) DO NOTHING")
    added = cur.rowcount
    cur.execute("""SELECT s.uuid FROM staged_decision s JOIN qpvdesk.decision d USING (uuid)
        WHERE d.content_sha256 <> s.content_sha256""")
    differing = sorted(row[0] for row in cur.fetchall())
    if differing:
        raise PostgisProblem(
            f"La décision {differing[0]} figure dans {target} avec un autre contenu : une des "
            "deux a été altérée ; signalez-le à l'administrateur. Rien n'a été publié.")
    return added


def _stale(cur, uuids: list[str], target: Target) -> StaleRows:
    """Who changed these rows meanwhile (committed by now: a new statement sees it)."""
    cur.execute("SELECT uuid, titre, ligne_modifiee_par, "
                "to_char(ligne_modifiee_le, 'DD/MM/YYYY à HH24:MI') FROM qpvdesk.proposition "
                "WHERE uuid = ANY(%s) ORDER BY ligne_modifiee_le DESC", (uuids,))
    rows = cur.fetchall()
    if not rows:
        changed = plural(len(uuids), "proposition a été modifiée",
                          "propositions ont été modifiées")
        return StaleRows(f"{changed} entre-temps dans {target} par un autre agent")
    uuid, title, who, when = rows[0]
    shown = f"« {title} »" if title else uuid
    others = f" (et {len(uuids) - 1} autre(s))" if len(uuids) > 1 else ""
    return StaleRows(f"La proposition {shown}{others} a été modifiée entre-temps par {who} "
                     f"le {when} dans {target}")
