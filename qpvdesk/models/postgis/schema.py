"""The ``qpvdesk`` schema on the agglomeration's PostgreSQL + PostGIS server.

Storage tables mirror the consolidated store of a workspace (English column names, dates as the
ISO 8601 text the packages carry, so that a pull gives back exactly what was published):
``received_package`` and ``received_proposal`` (every version of every proposal, with its
content hash) are append-only, as the workspace's are: a trigger refuses UPDATE, DELETE and
TRUNCATE. ``proposition`` is the consolidated layer a GIS officer opens (one row per proposal,
the current version, French column names as the GeoPackage export, provenance columns); it is
the one mutable table, with an optimistic row version (``ligne_version``) that a trigger bumps
on every change, whoever makes it (qpvdesk or QGIS), with who and when. ``decision`` is the
append-only decision history (column for column as the workspace's, plus its content hash);
the view ``decision_courante`` gives each consolidated proposal its latest decision
(« recue » when none), with its geometry and the modified one, for QGIS (key: ``uuid``).

The schema is versioned (``qpvdesk.schema_version``) and migrated step by step inside the
publishing transaction, under an advisory lock so that two first publishers do not race.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence

from ..decisions_vocabulary import DECISIONS
from .errors import PostgisProblem, Target

SCHEMA = "qpvdesk"
SRID = 2154
# pg_advisory_xact_lock key while creating or migrating the schema ("qpvdesk" in ASCII).
SCHEMA_LOCK = 0x717076646573

# The consolidated layer's columns: (received_proposal column, proposition column, SQL type).
# French names as in the GeoPackage export (models/proposals/exporter.py).
PROPOSITION_COLUMNS = (
    ("uuid", "uuid", "text"), ("kind", "type", "text"), ("title", "titre", "text"),
    ("description", "description", "text"), ("category", "categorie", "text"),
    ("status", "statut", "text"), ("horizon_year", "annee_horizon", "integer"),
    ("qpv_code", "qpv", "text"), ("knowledge_source", "source_connaissance", "text"),
    ("nature", "nature", "text"), ("justification", "justification", "text"),
    ("communes", "communes", "text"), ("author", "auteur", "text"),
    ("contact", "contact", "text"), ("created", "cree", "text"),
    ("modified", "modifie", "text"))
# Provenance, as the consolidated GeoPackage export names it (received.PROVENANCE_COLUMNS).
PROVENANCE = (("p.commune_insee", "commune_insee"), ("r.package_uuid", "paquet_uuid"),
              ("p.key_id", "cle_id"), ("p.received", "recu_le"),
              ("p.created", "paquet_cree_le"))

_APPEND_ONLY = """
CREATE FUNCTION qpvdesk.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'qpvdesk: la table %.% ne reçoit que des ajouts (historique)',
        TG_TABLE_SCHEMA, TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
END $$"""

_ROW_VERSION = """
CREATE FUNCTION qpvdesk.next_row_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        NEW.ligne_version := OLD.ligne_version + 1;
    ELSE
        NEW.ligne_version := 1;
    END IF;
    NEW.ligne_modifiee_par := coalesce(nullif(current_setting('qpvdesk.agent', true), ''),
                                       session_user);
    NEW.ligne_modifiee_le := now();
    RETURN NEW;
END $$"""


def _append_only(cur, table: str) -> None:
    cur.execute(f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON "
                f"qpvdesk.{table} FOR EACH ROW EXECUTE FUNCTION qpvdesk.refuse_change()")
    cur.execute(f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON qpvdesk.{table} "
                "FOR EACH STATEMENT EXECUTE FUNCTION qpvdesk.refuse_change()")


def _v1_proposals(cur) -> None:
    cur.execute(_APPEND_ONLY)
    cur.execute(_ROW_VERSION)
    cur.execute("""CREATE TABLE qpvdesk.received_package (
        uuid text PRIMARY KEY,
        commune_insee text NOT NULL,
        key_id text NOT NULL,
        source_organization text,
        contact_name text,
        contact_email text,
        created text NOT NULL,
        received text NOT NULL,
        file_name text NOT NULL,
        file_sha256 text NOT NULL UNIQUE,
        proposal_count integer NOT NULL,
        published_by text NOT NULL,
        published_at timestamptz NOT NULL DEFAULT now())""")
    cur.execute("CREATE INDEX received_package_by_commune "
                "ON qpvdesk.received_package (commune_insee)")
    cur.execute(f"""CREATE TABLE qpvdesk.received_proposal (
        package_uuid text NOT NULL REFERENCES qpvdesk.received_package (uuid),
        uuid text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('equipement', 'quartier_vecu', 'perimetre')),
        title text NOT NULL DEFAULT '',
        description text NOT NULL DEFAULT '',
        category text,
        status text,
        horizon_year integer,
        qpv_code text,
        knowledge_source text,
        nature text CHECK (nature IN ('ajout', 'retrait')),
        justification text NOT NULL DEFAULT '',
        communes text NOT NULL DEFAULT '',
        author text NOT NULL DEFAULT '',
        contact text NOT NULL DEFAULT '',
        created text NOT NULL,
        modified text NOT NULL,
        geom geometry(Geometry, {SRID}) NOT NULL,
        content_sha256 text NOT NULL,
        PRIMARY KEY (uuid, package_uuid))""")
    cur.execute("CREATE INDEX received_proposal_geom ON qpvdesk.received_proposal "
                "USING gist (geom)")
    cur.execute("CREATE INDEX received_proposal_by_package "
                "ON qpvdesk.received_proposal (package_uuid)")
    for table in ("received_package", "received_proposal"):
        _append_only(cur, table)
    columns = ",\n        ".join(f"{name} {kind}" + (" PRIMARY KEY" if name == "uuid" else "")
                                 for _, name, kind in PROPOSITION_COLUMNS)
    cur.execute(f"""CREATE TABLE qpvdesk.proposition (
        {columns},
        commune_insee text NOT NULL,
        paquet_uuid text NOT NULL REFERENCES qpvdesk.received_package (uuid),
        cle_id text NOT NULL,
        recu_le text NOT NULL,
        paquet_cree_le text NOT NULL,
        surface_ha double precision,
        geom geometry(Geometry, {SRID}) NOT NULL,
        empreinte text NOT NULL,
        ligne_version integer NOT NULL DEFAULT 1,
        ligne_modifiee_par text NOT NULL DEFAULT session_user,
        ligne_modifiee_le timestamptz NOT NULL DEFAULT now())""")
    cur.execute("CREATE INDEX proposition_geom ON qpvdesk.proposition USING gist (geom)")
    cur.execute("CREATE INDEX proposition_by_commune ON qpvdesk.proposition (commune_insee)")
    cur.execute("CREATE TRIGGER proposition_row_version BEFORE INSERT OR UPDATE ON "
                "qpvdesk.proposition FOR EACH ROW EXECUTE FUNCTION qpvdesk.next_row_version()")
    _decisions(cur)
    cur.execute("""CREATE TABLE qpvdesk.publication (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        agent text NOT NULL,
        role text NOT NULL DEFAULT session_user,
        publie_le timestamptz NOT NULL DEFAULT now(),
        paquets_ajoutes integer NOT NULL,
        versions_ajoutees integer NOT NULL,
        propositions_modifiees integer NOT NULL,
        decisions_ajoutees integer NOT NULL,
        empreinte text NOT NULL)""")
    for comment in (
            "COMMENT ON SCHEMA qpvdesk IS 'Propositions des communes reçues par "
            "l''agglomération (qpvdesk) : proposition = couche consolidée, "
            "received_* = historique en ajout seul'",
            "COMMENT ON TABLE qpvdesk.proposition IS 'Propositions consolidées : la version "
            "la plus récente de chaque proposition, avec sa provenance (EPSG:2154)'"):
        cur.execute(comment)


def _decisions(cur) -> None:
    """The decision history, column for column as the workspace's (models/decisions.py), and
    the latest decision of each proposal as a layer."""
    codes = ", ".join(f"'{code}'" for code in DECISIONS)
    cur.execute(f"""CREATE TABLE qpvdesk.decision (
        uuid text PRIMARY KEY,
        proposal_uuid text NOT NULL REFERENCES qpvdesk.proposition (uuid),
        package_uuid text NOT NULL,
        version integer NOT NULL CHECK (version >= 1),
        supersedes text,
        decision text NOT NULL CHECK (decision IN ({codes})),
        motif text NOT NULL DEFAULT '',
        decided_by text NOT NULL,
        decided_at text NOT NULL,
        geom geometry(Geometry, {SRID}),
        content_sha256 text NOT NULL,
        published_by text NOT NULL,
        published_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((supersedes IS NULL) = (version = 1)))""")
    cur.execute("CREATE INDEX decision_by_proposal ON qpvdesk.decision (proposal_uuid, version)")
    cur.execute("CREATE INDEX decision_geom ON qpvdesk.decision USING gist (geom)")
    _append_only(cur, "decision")
    labels = " ".join(f"WHEN '{code}' THEN '{label.replace(chr(39), chr(39) * 2)}'"
                      for code, label in DECISIONS.items())
    # Latest: highest version, then the later instant, then the greater uuid (decisions.py).
    cur.execute(f"""CREATE VIEW qpvdesk.decision_courante AS
        SELECT c.uuid, c.type, c.titre, c.commune_insee, c.qpv, c.paquet_uuid, c.recu_le,
            coalesce(d.decision, 'recue') AS decision,
            CASE coalesce(d.decision, 'recue') {labels} END AS decision_libelle,
            coalesce(d.motif, '') AS motif, d.decided_by AS decide_par,
            d.decided_at AS decide_le, d.version AS decision_version,
            d.uuid AS decision_uuid, c.geom, d.geom AS geom_modifiee
        FROM qpvdesk.proposition c
        LEFT JOIN (SELECT DISTINCT ON (proposal_uuid) * FROM qpvdesk.decision
                   ORDER BY proposal_uuid, version DESC, decided_at::timestamptz DESC,
                            uuid DESC) d ON d.proposal_uuid = c.uuid""")
    cur.execute("COMMENT ON VIEW qpvdesk.decision_courante IS 'La dernière décision de "
                "l''agglomération sur chaque proposition consolidée (reçue quand il n''y en a "
                "pas), avec sa géométrie et la géométrie modifiée ; clé : uuid'")
    # the modified geometries alone: in QGIS, a layer of the view above on geom_modifiee
    # would list every proposal, most of them without a geometry
    cur.execute("""CREATE VIEW qpvdesk.geometrie_modifiee AS
        SELECT uuid, type, titre, commune_insee, qpv, decision, decision_libelle, motif,
            decide_par, decide_le, decision_version, decision_uuid, geom_modifiee AS geom
        FROM qpvdesk.decision_courante WHERE geom_modifiee IS NOT NULL""")
    cur.execute("COMMENT ON VIEW qpvdesk.geometrie_modifiee IS 'Les géométries modifiées par "
                "l''agglomération (décision « retenue avec modifications »), une par "
                "proposition ; clé : uuid'")


Migration = Callable[[object], None]
MIGRATIONS: tuple[Migration, ...] = (_v1_proposals,)


def stored_version(cur) -> int | None:
    """The schema's version, None when there is no qpvdesk schema yet; PostgisProblem when a
    qpvdesk schema exists that qpvdesk did not make."""
    cur.execute("SELECT to_regnamespace(%s) IS NOT NULL, "
                "to_regclass('qpvdesk.schema_version') IS NOT NULL", (SCHEMA,))
    has_schema, has_version = cur.fetchone()
    if not has_schema:
        return None
    if not has_version:
        return 0
    cur.execute("SELECT version FROM qpvdesk.schema_version")
    row = cur.fetchone()
    return row[0] if row else 0


def ensure_schema(cur, target: Target, migrations: Sequence[Migration] = MIGRATIONS) -> int:
    """Create or migrate the qpvdesk schema inside the caller's transaction; its version."""
    latest = len(migrations)
    version = stored_version(cur)
    if version == latest:
        return version
    cur.execute("SELECT pg_advisory_xact_lock(%s)", (SCHEMA_LOCK,))
    version = stored_version(cur)   # another publisher may have done it meanwhile
    if version is not None and version > latest:
        raise PostgisProblem(
            f"Le schéma qpvdesk de {target} a été créé par une version plus récente de qpvdesk "
            f"(schéma {version}, celle-ci connaît jusqu'au {latest}) : mettez qpvdesk à jour. "
            "Rien n'a été écrit.")
    if version == 0:
        cur.execute("SELECT count(*) FROM pg_class WHERE relnamespace = to_regnamespace(%s)",
                    (SCHEMA,))
        if cur.fetchone()[0]:
            raise PostgisProblem(
                f"{target} a déjà un schéma « qpvdesk » qui n'a pas été créé par qpvdesk : "
                "renommez-le, ou utilisez une autre base. Rien n'a été écrit.")
    if version is None:
        cur.execute(f"CREATE SCHEMA {SCHEMA}")
        version = 0
    cur.execute("CREATE TABLE IF NOT EXISTS qpvdesk.schema_version (version integer NOT NULL)")
    cur.execute("SELECT count(*) FROM qpvdesk.schema_version")
    if cur.fetchone()[0] == 0:
        cur.execute("INSERT INTO qpvdesk.schema_version VALUES (0)")
    for number in range(version + 1, latest + 1):
        migrations[number - 1](cur)
        cur.execute("UPDATE qpvdesk.schema_version SET version = %s", (number,))
    return latest


def postgis_version(cur) -> str | None:
    cur.execute("SELECT extversion FROM pg_extension WHERE extname = 'postgis'")
    row = cur.fetchone()
    return row[0] if row else None


def ensure_postgis(cur, target: Target) -> str:
    """PostGIS in this database: there already, or created now if the user may; else a
    French sentence saying who must do what."""
    from psycopg import errors

    version = postgis_version(cur)
    if version:
        return version
    cur.execute("SELECT count(*) FROM pg_available_extensions WHERE name = 'postgis'")
    if cur.fetchone()[0] == 0:
        raise PostgisProblem(
            f"PostGIS n'est pas installé sur le serveur {target.server} : demandez à son "
            "administrateur d'installer l'extension (paquet postgresql-postgis), puis "
            f"d'exécuter « CREATE EXTENSION postgis; » dans la base « {target.dbname} ». "
            "Rien n'a été écrit.")
    cur.execute("SAVEPOINT create_postgis")
    try:
        cur.execute("CREATE EXTENSION postgis")
    except errors.InsufficientPrivilege:
        cur.execute("ROLLBACK TO SAVEPOINT create_postgis")
        raise PostgisProblem(
            f"L'extension PostGIS n'est pas activée dans {target} et l'utilisateur "
            f"« {target.user} » n'a pas le droit de l'activer : demandez à l'administrateur "
            f"d'exécuter « CREATE EXTENSION postgis; » dans la base « {target.dbname} ». "
            "Rien n'a été écrit.") from None
    cur.execute("RELEASE SAVEPOINT create_postgis")
    return postgis_version(cur)
