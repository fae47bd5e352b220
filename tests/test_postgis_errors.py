"""Everything that goes wrong between a workspace and PostgreSQL, for real: one French
sentence (what, which server or database, what to do), the right exit code, and nothing
half-written on either side."""
from __future__ import annotations

import os
import pwd
import shutil
import tempfile
import threading
from pathlib import Path

import psycopg
import pytest
from psycopg.conninfo import conninfo_to_dict
from bad_input_fixtures import held_write_lock, tmpfs
from postgres_fixtures import (LIMITED_ROLE, PASSWORD, PASSWORD_ROLE,  # noqa: F401
                               drop_database, new_database, postgis_db, postgis_dsn,
                               postgres_server, sql)

from qpvdesk.models.proposals import gdal

gdal.pyogrio()   # before any SpatiaLite connection of the session (see gdal.py)

from test_package_received import accept, equipment, neighbourhood, package  # noqa: E402

from qpvdesk.models.database_problems import DatabaseLocked, DiskFull  # noqa: E402
from qpvdesk.models.package.received import ConsolidatedStore  # noqa: E402
from qpvdesk.models.postgis import (PasswordNeeded, PostgisProblem, publish,  # noqa: E402
                                    pull, remember_connection, remembered_connection)
from qpvdesk.models.postgis.local_server import free_port  # noqa: E402
from qpvdesk.models.postgis.styles import layer_styles  # noqa: E402
from qpvdesk.models.workspace import Workspace  # noqa: E402


@pytest.fixture
def received(workspace):
    proposals = [equipment(), neighbourhood()]
    accept(ConsolidatedStore(workspace), package(proposals), proposals)
    return workspace


def schema_exists(dsn: str) -> bool:
    return sql(dsn, "SELECT to_regnamespace('qpvdesk') IS NOT NULL")[0][0]


def local_counts(workspace) -> tuple:
    return tuple(workspace.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                 for table in ("received_package", "received_proposal", "decision", "setting"))


@pytest.fixture
def owned_db(postgres_server):
    """A database with PostGIS owned by the role that must give a password."""
    name = new_database(postgres_server, owner=PASSWORD_ROLE)
    yield name
    drop_database(postgres_server, name)


# -- connecting -------------------------------------------------------------------------------

def test_a_server_that_does_not_answer(received):
    port = free_port()
    with pytest.raises(PostgisProblem) as refused:
        publish(received, f"host=127.0.0.1 port={port} dbname=qpv user=agent")
    assert str(refused.value).startswith(f"Le serveur PostgreSQL 127.0.0.1:{port} ne répond "
                                         "pas (")
    assert str(refused.value).endswith("vérifiez qu'il est démarré, son adresse et son port, "
                                       "et le réseau, puis réessayez. Rien n'a été publié.")
    assert refused.value.exit_code == 1


@pytest.mark.parametrize("dsn, expected", [
    ("hots=serveur dbname=qpv", "La connexion PostGIS « hots=serveur dbname=qpv » n'est pas "
                                "comprise (invalid connection option \"hots\")"),
    ("serveur qpv", "La connexion PostGIS « serveur qpv » n'est pas comprise"),
    ("", "Aucune connexion PostGIS n'est indiquée"),
    ("host=127.0.0.1 port=99999 dbname=qpv", "Le port donné pour la base « qpv » du serveur "
                                             "127.0.0.1:99999 n'est pas valable"),
])
def test_a_bad_connection_string_is_a_usage_error(received, dsn, expected):
    with pytest.raises(PostgisProblem) as refused:
        publish(received, dsn)
    assert str(refused.value).startswith(expected) and refused.value.exit_code == 2


def test_an_unknown_service_and_a_known_one(received, postgis_db, postgres_server, tmp_path,
                                            monkeypatch):
    services = tmp_path / "pg_service.conf"
    services.write_text(f"[qpvdesk]\nhost=127.0.0.1\nport={postgres_server.port}\n"
                        f"dbname={postgis_db}\nuser=postgres\n")
    monkeypatch.setenv("PGSERVICEFILE", str(tmp_path / "absent.conf"))
    with pytest.raises(PostgisProblem, match="Le fichier de services PostgreSQL nommé par "
                                             "PGSERVICEFILE est introuvable") as refused:
        publish(received, "service=qpvdesk")
    assert refused.value.exit_code == 2
    monkeypatch.setenv("PGSERVICEFILE", str(services))
    with pytest.raises(PostgisProblem, match="Le service PostgreSQL « agglo » n'est décrit dans "
                                             "aucun fichier de services") as refused:
        publish(received, "service=agglo")
    assert refused.value.exit_code == 2
    outcome = publish(received, "service=qpvdesk")
    assert outcome.proposals_changed == 2
    assert f"la base « {postgis_db} » du serveur 127.0.0.1:{postgres_server.port} (service " \
           "« qpvdesk »)" in outcome.summary()


def test_a_missing_database_and_an_unknown_user(received, postgres_server):
    with pytest.raises(PostgisProblem, match=f"La base « absente » n'existe pas sur le serveur "
                                             f"127.0.0.1:{postgres_server.port} : vérifiez son "
                                             "nom"):
        publish(received, postgres_server.dsn("absente"))
    with pytest.raises(PostgisProblem, match="L'utilisateur « inconnu » n'existe pas sur le "
                                             "serveur"):
        pull(received, postgres_server.dsn(user="inconnu"))


# -- credentials ------------------------------------------------------------------------------

def test_a_password_is_asked_for_used_and_never_stored(received, owned_db, postgres_server):
    dsn = postgres_server.dsn(owned_db, user=PASSWORD_ROLE)
    with pytest.raises(PasswordNeeded, match=f"demande un mot de passe pour l'utilisateur "
                                             f"« {PASSWORD_ROLE} » : saisissez-le, ou mettez-le "
                                             "dans votre fichier ~/.pgpass"):
        publish(received, dsn)
    with pytest.raises(PasswordNeeded, match="a été refusé par la base"):
        publish(received, dsn, password="pas le bon")
    assert not schema_exists(postgres_server.dsn(owned_db))
    outcome = publish(received, dsn, password=PASSWORD)
    assert outcome.proposals_changed == 2
    # the user typed it into the connection text itself: still never kept
    remember_connection(received, f"{dsn} password='{PASSWORD}'")
    assert conninfo_to_dict(remembered_connection(received)) == conninfo_to_dict(dsn)
    assert pull(received, remembered_connection(received), password=PASSWORD).published
    received.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    folder = received.path.parent
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert PASSWORD.encode() not in data and PASSWORD.encode("utf-16-le") not in data, \
                path


def test_the_password_file_is_read_by_libpq(received, owned_db, postgres_server, tmp_path,
                                            monkeypatch):
    passfile = tmp_path / "pgpass"
    passfile.write_text(f"127.0.0.1:{postgres_server.port}:*:{PASSWORD_ROLE}:{PASSWORD}\n")
    passfile.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(passfile))
    outcome = publish(received, postgres_server.dsn(owned_db, user=PASSWORD_ROLE))
    assert outcome.proposals_changed == 2


# -- the server's rights and state ------------------------------------------------------------

def test_postgis_missing_and_no_right_to_create_it(received, postgres_server):
    name = new_database(postgres_server, template="template0", owner=LIMITED_ROLE)
    try:
        with pytest.raises(PostgisProblem) as refused:
            publish(received, postgres_server.dsn(name, user=LIMITED_ROLE))
        assert str(refused.value) == (
            f"L'extension PostGIS n'est pas activée dans la base « {name} » du serveur "
            f"127.0.0.1:{postgres_server.port} et l'utilisateur « {LIMITED_ROLE} » n'a pas le "
            f"droit de l'activer : demandez à l'administrateur d'exécuter « CREATE EXTENSION "
            f"postgis; » dans la base « {name} ». Rien n'a été écrit.")
        assert not schema_exists(postgres_server.dsn(name))
        # a user who may create it does so
        assert publish(received, postgres_server.dsn(name)).proposals_changed == 2
        assert sql(postgres_server.dsn(name),
                   "SELECT count(*) FROM pg_extension WHERE extname = 'postgis'") == [(1,)]
    finally:
        drop_database(postgres_server, name)


def test_no_right_to_create_the_schema(received, postgis_db, postgres_server):
    with pytest.raises(PostgisProblem, match=f"L'utilisateur « {LIMITED_ROLE} » n'a pas le droit "
                                             "de créer le schéma qpvdesk dans la base .* : "
                                             "demandez ce droit à l'administrateur de la base. "
                                             "Rien n'a été publié."):
        publish(received, postgres_server.dsn(postgis_db, user=LIMITED_ROLE))
    assert not schema_exists(postgres_server.dsn(postgis_db))


def test_no_right_to_write_the_tables(received, postgis_dsn, postgres_server, postgis_db,
                                      tmp_path):
    empty = Workspace(tmp_path / "vide.sqlite")
    publish(empty, postgis_dsn)          # the administrator made the schema
    empty.close()
    sql(postgis_dsn, f"GRANT USAGE ON SCHEMA qpvdesk TO {LIMITED_ROLE}")
    sql(postgis_dsn, f"GRANT SELECT ON ALL TABLES IN SCHEMA qpvdesk TO {LIMITED_ROLE}")
    with pytest.raises(PostgisProblem, match=f"L'utilisateur « {LIMITED_ROLE} » n'a pas le droit "
                                             "d'écrire dans le schéma qpvdesk dans la base"):
        publish(received, postgres_server.dsn(postgis_db, user=LIMITED_ROLE))
    assert sql(postgis_dsn, "SELECT count(*) FROM qpvdesk.received_package") == [(0,)]
    # reading is enough to pull
    assert pull(received, postgres_server.dsn(postgis_db, user=LIMITED_ROLE)).published


def test_without_rights_on_layer_styles_the_data_is_still_published(received, postgis_dsn,
                                                                      postgres_server,
                                                                      postgis_db, tmp_path):
    empty = Workspace(tmp_path / "vide.sqlite")
    publish(empty, postgis_dsn)
    empty.close()
    sql(postgis_dsn, "DROP TABLE public.layer_styles")
    for grant in ("USAGE ON SCHEMA qpvdesk",
                  "SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA qpvdesk",
                  "USAGE ON ALL SEQUENCES IN SCHEMA qpvdesk"):
        sql(postgis_dsn, f"GRANT {grant} TO {LIMITED_ROLE}")
    outcome = publish(received, postgres_server.dsn(postgis_db, user=LIMITED_ROLE))
    assert outcome.proposals_changed == 2 and outcome.styles.written == 0
    assert outcome.summary().endswith(
        f"Les styles QGIS n'ont pas été enregistrés : l'utilisateur « {LIMITED_ROLE} » n'a pas "
        "le droit de créer ou de modifier la table public.layer_styles de la base "
        f"« {postgis_db} » du serveur 127.0.0.1:{postgres_server.port} (demandez-le à "
        "l'administrateur de la base) ; les données sont publiées.")
    assert sql(postgis_dsn, "SELECT count(*) FROM qpvdesk.proposition") == [(2,)]
    # once the administrator made it, the styles come with the next publish
    sql(postgis_dsn, "CREATE TABLE public.layer_styles (id serial PRIMARY KEY, "
                     "f_table_catalog varchar, f_table_schema varchar, f_table_name varchar, "
                     "f_geometry_column varchar, stylename text, styleqml xml, stylesld xml, "
                     "useasdefault boolean, description text, owner varchar(63), ui xml, "
                     "update_time timestamp)")
    sql(postgis_dsn, f"GRANT ALL ON public.layer_styles TO {LIMITED_ROLE}")
    sql(postgis_dsn, f"GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO {LIMITED_ROLE}")
    sql(postgis_dsn, f"ALTER TABLE public.layer_styles OWNER TO {LIMITED_ROLE}")
    assert publish(received, postgres_server.dsn(postgis_db, user=LIMITED_ROLE)) \
        .styles.written == len(layer_styles())


def test_a_schema_from_a_newer_qpvdesk_or_from_someone_else(received, postgis_dsn, tmp_path):
    sql(postgis_dsn, "CREATE SCHEMA qpvdesk")
    sql(postgis_dsn, "CREATE TABLE qpvdesk.autre_chose (id integer)")
    with pytest.raises(PostgisProblem, match="a déjà un schéma « qpvdesk » qui n'a pas été créé "
                                             "par qpvdesk : renommez-le"):
        publish(received, postgis_dsn)
    sql(postgis_dsn, "DROP SCHEMA qpvdesk CASCADE")
    publish(received, postgis_dsn)
    sql(postgis_dsn, "UPDATE qpvdesk.schema_version SET version = 99")
    for action in (publish, pull):
        with pytest.raises(PostgisProblem, match=r"créé par une version plus récente de qpvdesk "
                                                 r"\(schéma 99, celle-ci connaît jusqu'au 1\) : "
                                                 "mettez qpvdesk à jour"):
            action(received, postgis_dsn)


def test_tables_locked_by_someone_else(received, postgis_dsn):
    publish(received, postgis_dsn)
    holder = psycopg.connect(postgis_dsn)
    holder.execute("LOCK TABLE qpvdesk.proposition IN ACCESS EXCLUSIVE MODE")
    try:
        with pytest.raises(PostgisProblem, match="Les tables qpvdesk de la base .* sont "
                                                 "verrouillées par un autre utilisateur depuis "
                                                 "plus de 1 s : réessayez dans un moment. Rien "
                                                 "n'a été publié."):
            publish(received, postgis_dsn, lock_timeout_s=1)
    finally:
        holder.close()


def test_a_connection_cut_during_the_publish_writes_nothing(received, postgis_dsn):
    publish(Workspace(received.path.parent / "vide.sqlite"), postgis_dsn)   # schema only
    holder = psycopg.connect(postgis_dsn)
    holder.execute("LOCK TABLE qpvdesk.proposition IN EXCLUSIVE MODE")
    result: dict = {}

    def run() -> None:
        copy = Workspace(received.path, backups=False)
        try:
            publish(copy, postgis_dsn)
        except PostgisProblem as exc:
            result["error"] = exc
        finally:
            copy.close()

    thread = threading.Thread(target=run)
    thread.start()
    for _ in range(2000):   # until the publisher, past its inserts, waits for the lock
        waiting = sql(postgis_dsn, "SELECT pid FROM pg_stat_activity WHERE application_name = "
                                   "'qpvdesk' AND wait_event_type = 'Lock'")
        if waiting:
            break
        threading.Event().wait(0.01)
    assert waiting, "the publisher never waited"
    sql(postgis_dsn, "SELECT pg_terminate_backend(%s)", (waiting[0][0],))
    thread.join(timeout=60)
    holder.close()
    assert str(result["error"]).startswith("La connexion à la base")
    assert "a été interrompue (" in str(result["error"])
    assert str(result["error"]).endswith("la transaction a été annulée par le serveur ; "
                                         "réessayez quand il répond. Rien n'a été publié.")
    assert sql(postgis_dsn, "SELECT count(*) FROM qpvdesk.received_package") == [(0,)]


def test_a_full_disk_on_the_server_writes_nothing(received, postgres_server, postgis_db,
                                                  postgis_dsn, tmp_path):
    if os.geteuid() != 0:
        pytest.skip("a tablespace on a small tmpfs needs root to mount it and hand it to the "
                    "server's user")
    for number in range(300):   # about 1 MB of proposals for a 512 KiB disk
        proposals = [equipment(f"Équipement {number}", description="d" * 3000)]
        accept(ConsolidatedStore(received), package(proposals), proposals)
    folder = Path(tempfile.mkdtemp(prefix="qpvdesk-tiny-"))
    account = pwd.getpwnam("postgres")
    try:
        with tmpfs(folder / "disk", 512) as disk:
            os.chown(folder, account.pw_uid, account.pw_gid)
            os.chown(disk, account.pw_uid, account.pw_gid)
            sql(postgres_server.dsn(), f"CREATE TABLESPACE petit LOCATION '{disk}'")
            sql(postgres_server.dsn(), f"ALTER DATABASE {postgis_db} SET default_tablespace "
                                       "= petit")
            sql(postgres_server.dsn(), f"ALTER DATABASE {postgis_db} SET temp_tablespaces = "
                                       "petit")
            with pytest.raises(PostgisProblem) as refused:
                publish(received, postgis_dsn)
            assert str(refused.value) == (
                f"Le serveur 127.0.0.1:{postgres_server.port} n'a plus de place sur son "
                "disque : prévenez son administrateur. Rien n'a été publié.")
            assert not schema_exists(postgis_dsn)
            drop_database(postgres_server, postgis_db)
            sql(postgres_server.dsn(), "DROP TABLESPACE petit")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


# -- the local side of a pull -----------------------------------------------------------------

@pytest.fixture
def published(postgis_dsn, tmp_path):
    """A server where a colleague published two proposals."""
    colleague = Workspace(tmp_path / "collegue.sqlite")
    proposals = [equipment(), neighbourhood()]
    accept(ConsolidatedStore(colleague), package(proposals), proposals)
    publish(colleague, postgis_dsn)
    colleague.close()
    return postgis_dsn


def test_a_pull_into_a_locked_workspace_writes_nothing(workspace, published):
    before = local_counts(workspace)
    workspace.conn.execute("PRAGMA busy_timeout = 200")   # the same refusal, without 5 s
    with held_write_lock(workspace.path):
        with pytest.raises(DatabaseLocked, match="est occupé par un autre programme"):
            pull(workspace, published)
    assert local_counts(workspace) == before
    assert pull(workspace, published).versions_added == 2   # once free, it works


def test_a_pull_onto_a_full_disk_writes_nothing(published, tmp_path):
    from bad_input_fixtures import fill

    with tmpfs(tmp_path / "disque", 2048) as disk:   # a new workspace and its WAL: ~1,1 MB
        workspace = Workspace(disk / "espace.sqlite", backups=False)
        workspace.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        before = local_counts(workspace)
        fill(disk, 4)
        with pytest.raises(DiskFull, match="est plein"):
            pull(workspace, published)
        assert local_counts(workspace) == before
        workspace.close()
