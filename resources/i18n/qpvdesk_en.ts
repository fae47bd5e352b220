<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_GB" sourcelanguage="fr_FR">
<context>
    <name>CaptureTool</name>
    <message>
        <location filename="../../qpvdesk/views/map/capture_tool.py" line="126" />
        <source>Un polygone demande au moins 3 sommets distincts : continuez à cliquer.</source>
        <translation>A polygon needs at least 3 distinct vertices: keep clicking.</translation>
    </message>
</context>
<context>
    <name>EditTool</name>
    <message>
        <location filename="../../qpvdesk/views/map/edit_tool.py" line="177" />
        <source>Un polygone garde au moins 3 sommets.</source>
        <translation>A polygon keeps at least 3 vertices.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../qpvdesk/views/main_window.py" line="55" />
        <source>qpvdesk — Quartiers prioritaires de la CA de Lens-Liévin</source>
        <translation>qpvdesk — Priority neighbourhoods of the CA de Lens-Liévin</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/main_window.py" line="93" />
        <source>Carte</source>
        <translation>Map</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/main_window.py" line="96" />
        <source>Informations</source>
        <translation>Information</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/main_window.py" line="98" />
        <source>Propositions</source>
        <translation>Proposals</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/main_window.py" line="100" />
        <source>Historique</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/main_window.py" line="138" />
        <source>Vue d'ensemble</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/main_window.py" line="139" />
        <source>Afficher tout le territoire (Ctrl+0)</source>
        <translation>Show the whole territory (Ctrl+0)</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/main_window.py" line="140" />
        <source>Zoom avant</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/main_window.py" line="141" />
        <source>Zoom arrière</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/main_window.py" line="143" />
        <source>Fond de carte…</source>
        <translation>Basemap…</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/main_window.py" line="144" />
        <source>Choisir un fond de carte hors ligne (fichier MBTiles)</source>
        <translation>Choose an offline basemap (MBTiles file)</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/main_window.py" line="145" />
        <source>Retirer le fond de carte</source>
        <translation>Remove the basemap</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/main_window.py" line="146" />
        <source>&amp;Sources des données…</source>
        <translation>&amp;Data sources…</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/main_window.py" line="147" />
        <source>Navigation</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/main_window.py" line="157" />
        <source>Dessin</source>
        <translation>Drawing</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/main_window.py" line="169" />
        <source>&amp;Fichier</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/main_window.py" line="173" />
        <source>&amp;Importer des propositions…</source>
        <translation>&amp;Import proposals…</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/main_window.py" line="175" />
        <source>E&amp;xporter mes propositions…</source>
        <translation>E&amp;xport my proposals…</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/main_window.py" line="178" />
        <source>&amp;Quitter</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/main_window.py" line="179" />
        <source>É&amp;dition</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/main_window.py" line="182" />
        <source>&amp;Affichage</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/main_window.py" line="187" />
        <source>Rechercher</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/main_window.py" line="189" />
        <source>A&amp;nalyse</source>
        <translation>A&amp;nalysis</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/main_window.py" line="190" />
        <source>&amp;Tableau des indicateurs…</source>
        <translation>Indicator &amp;table…</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/main_window.py" line="191" />
        <source>Les 22 QPV et les indicateurs choisis</source>
        <translation>The 22 QPV and the chosen indicators</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/main_window.py" line="192" />
        <source>&amp;Graphiques…</source>
        <translation>&amp;Charts…</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/main_window.py" line="193" />
        <source>Évolutions, comparaison des QPV, dynamique des écarts</source>
        <translation>Trends, QPV comparison, gap dynamics</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/main_window.py" line="194" />
        <source>&amp;Portrait du territoire…</source>
        <translation>Territory &amp;portrait…</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/main_window.py" line="195" />
        <source>Les chiffres clés de l'agglomération</source>
        <translation>Key figures of the agglomeration</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/main_window.py" line="200" />
        <source>&amp;Aide</source>
        <translation>&amp;Help</translation>
    </message>
</context>
<context>
    <name>PackageMenus</name>
    <message>
        <location filename="../../qpvdesk/views/package/menus.py" line="23" />
        <source>Mode a&amp;gglomération (recevoir les paquets des communes)</source>
        <translation>A&amp;gglomeration mode (receive the communes' packages)</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/menus.py" line="26" />
        <source>Affiche le menu Agglomération : vérifier et consolider les paquets reçus</source>
        <translation>Shows the Agglomeration menu: verify and consolidate received packages</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/menus.py" line="33" />
        <source>&amp;Paquets</source>
        <translation>&amp;Packages</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/menus.py" line="38" />
        <source>A&amp;gglomération</source>
        <translation>A&amp;gglomeration</translation>
    </message>
</context>
<context>
    <name>ProposalController</name>
    <message>
        <location filename="../../qpvdesk/views/proposals/controller.py" line="55" />
        <source>Naviguer</source>
        <translation>Navigate</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/controller.py" line="55" />
        <source>Déplacer la carte et identifier (Échap)</source>
        <translation>Move the map and identify (Esc)</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/controller.py" line="63" />
        <source>Modifier</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/controller.py" line="64" />
        <source>Sélectionner, déplacer, modifier les sommets (double-clic : ajouter un sommet)</source>
        <translation>Select, move, edit vertices (double-click: add a vertex)</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/controller.py" line="66" />
        <source>Accrochage</source>
        <translation>Snapping</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/controller.py" line="67" />
        <source>Accrocher aux sommets et aux limites (QPV, communes, IRIS, propositions)</source>
        <translation>Snap to vertices and boundaries (QPV, communes, IRIS, proposals)</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/controller.py" line="70" />
        <source>Annuler</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/controller.py" line="73" />
        <source>Rétablir</source>
        <translation>Redo</translation>
    </message>
</context>
</TS>