<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="fr_FR">
<context>
    <name>AgglomerationActions</name>
    <message>
        <location filename="../../qpvdesk/views/package/agglomeration_actions.py" line="61"/>
        <source>Ouvrir un paquet reçu…</source>
        <translation>Open a received package…</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/agglomeration_actions.py" line="63"/>
        <source>Vérifier un paquet signé envoyé par une commune, puis l&apos;accepter</source>
        <translation>Verify a signed package sent by a commune, then accept it</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/agglomeration_actions.py" line="66"/>
        <source>Clés des communes…</source>
        <translation>Commune keys…</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/agglomeration_actions.py" line="67"/>
        <source>Les clés publiques des communes dont les paquets sont acceptés</source>
        <translation>The public keys of the communes whose packages are accepted</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/agglomeration_actions.py" line="69"/>
        <source>Propositions reçues…</source>
        <translation>Received proposals…</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/agglomeration_actions.py" line="70"/>
        <source>Les propositions et paquets reçus des communes</source>
        <translation>The proposals and packages received from the communes</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/agglomeration_actions.py" line="72"/>
        <source>Exporter les propositions consolidées…</source>
        <translation>Export the consolidated proposals…</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/agglomeration_actions.py" line="74"/>
        <source>Toutes les propositions reçues dans un GeoPackage pour QGIS</source>
        <translation>All received proposals in a GeoPackage for QGIS</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/agglomeration_actions.py" line="82"/>
        <source>Exporter la clé publique de l&apos;agglomération…</source>
        <translation>Export the agglomeration&apos;s public key…</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/agglomeration_actions.py" line="84"/>
        <source>Le fichier que chaque commune installe pour vérifier vos réponses</source>
        <translation>The file each commune installs to verify your responses</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/agglomeration_actions.py" line="134"/>
        <source>Clés des communes</source>
        <translation>Commune keys</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/agglomeration_actions.py" line="150"/>
        <source>Ouvrir un paquet reçu d&apos;une commune</source>
        <translation>Open a package received from a commune</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/agglomeration_actions.py" line="201"/>
        <source>1 proposition</source>
        <translation>1 proposal</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/agglomeration_actions.py" line="202"/>
        <source>{count} propositions</source>
        <translation>{count} proposals</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/agglomeration_actions.py" line="203"/>
        <source>Aperçu sur la carte du paquet de {sender}&#xa0;: {proposals}, en vert (quartiers vécus et équipements) et en bleu (demandes de périmètre), pas encore importées.</source>
        <translation>Preview on the map of the package from {sender}: {proposals}, in green (lived neighbourhoods and equipment) and in blue (boundary change requests), not imported yet.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/agglomeration_actions.py" line="37"/>
        <source>Paquet de propositions (*{suffix});;Tous les fichiers (*)</source>
        <translation>Proposal package (*{suffix});;All files (*)</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/agglomeration_actions.py" line="248"/>
        <location filename="../../qpvdesk/views/package/agglomeration_actions.py" line="251"/>
        <source>Paquet non importé</source>
        <translation>Package not imported</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/agglomeration_actions.py" line="252"/>
        <source>L&apos;enregistrement a échoué ({error}). Rien n&apos;a été importé.</source>
        <translation>Saving failed ({error}). Nothing was imported.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/agglomeration_actions.py" line="257"/>
        <source>Paquet accepté</source>
        <translation>Package accepted</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/agglomeration_actions.py" line="258"/>
        <source>Paquet déjà importé</source>
        <translation>Package already imported</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/agglomeration_actions.py" line="259"/>
        <source>Paquet de {sender}.

{summary}</source>
        <translation>Package from {sender}.

{summary}</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/agglomeration_actions.py" line="320"/>
        <source>Propositions reçues</source>
        <translation>Received proposals</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/agglomeration_actions.py" line="321"/>
        <source>Lecture impossible ({error}).</source>
        <translation>Cannot read ({error}).</translation>
    </message>
</context>
<context>
    <name>AgglomerationKeyBox</name>
    <message>
        <location filename="../../qpvdesk/views/package/agglomeration_key_dialog.py" line="65"/>
        <source>Clé de l&apos;agglomération</source>
        <translation>Agglomeration&apos;s key</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/agglomeration_key_dialog.py" line="71"/>
        <source>Agglomération :</source>
        <translation>Agglomeration:</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/agglomeration_key_dialog.py" line="74"/>
        <source>Clé installée :</source>
        <translation>Installed key:</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/agglomeration_key_dialog.py" line="77"/>
        <source>Aucune clé installée : les réponses de l&apos;agglomération ne peuvent pas encore être vérifiées. Demandez-lui le fichier de sa clé publique ({siren}.pub).</source>
        <translation>No key installed: the agglomeration&apos;s responses cannot be verified yet. Ask it for its public key file ({siren}.pub).</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/agglomeration_key_dialog.py" line="103"/>
        <source>aucune</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/agglomeration_key_dialog.py" line="107"/>
        <source>Remplacer la clé depuis un fichier…</source>
        <translation>Replace the key from a file…</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/agglomeration_key_dialog.py" line="108"/>
        <source>Installer la clé depuis un fichier…</source>
        <translation>Install the key from a file…</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/agglomeration_key_dialog.py" line="112"/>
        <source>Clé publique de l&apos;agglomération</source>
        <translation>Agglomeration&apos;s public key</translation>
    </message>
</context>
<context>
    <name>AgglomerationKeyDialog</name>
    <message>
        <location filename="../../qpvdesk/views/package/agglomeration_key_dialog.py" line="21"/>
        <source>Clé publique minisign (*.pub);;Tous les fichiers (*)</source>
        <translation>Minisign public key (*.pub);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/agglomeration_key_dialog.py" line="128"/>
        <source>Clé de l&apos;agglomération</source>
        <translation>Agglomeration&apos;s key</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/agglomeration_key_dialog.py" line="132"/>
        <source>L&apos;agglomération signe ses réponses avec sa clé. Avec sa clé publique, installée ici une fois, qpvdesk vérifie que chaque réponse vient bien d&apos;elle et n&apos;a pas été modifiée.</source>
        <translation>The agglomeration signs its responses with its key. With its public key, installed here once, qpvdesk checks that each response really comes from it and has not been changed.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/agglomeration_key_dialog.py" line="137"/>
        <source>Dossier des clés : {folder}</source>
        <translation>Key folder: {folder}</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/agglomeration_key_dialog.py" line="143"/>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>AtelierMenu</name>
    <message>
        <location filename="../../qpvdesk/views/atelier/menu.py" line="15"/>
        <source>A&amp;telier</source>
        <translation>Wor&amp;kshop</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/menu.py" line="16"/>
        <source>&amp;Nouvel atelier…</source>
        <translation>&amp;New workshop…</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/menu.py" line="17"/>
        <source>Les habitants dessinent leur quartier vécu, en plein écran, à la souris ou au doigt</source>
        <translation>Residents draw their lived neighbourhood, full screen, with the mouse or a finger</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/menu.py" line="20"/>
        <source>&amp;Reprendre un atelier…</source>
        <translation>&amp;Resume a workshop…</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/menu.py" line="22"/>
        <source>&amp;Carte papier pour un atelier…</source>
        <translation>&amp;Paper map for a workshop…</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/menu.py" line="23"/>
        <source>Une carte à imprimer en A3 ou A4, à l&apos;échelle, avec un quadrillage</source>
        <translation>A map to print on A3 or A4, to scale, with a grid</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/menu.py" line="46"/>
        <source>Atelier non créé</source>
        <translation>Workshop not created</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/menu.py" line="55"/>
        <source>Reprendre un atelier</source>
        <translation>Resume a workshop</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/menu.py" line="56"/>
        <source>Aucun atelier n&apos;est enregistré : commencez-en un avec « Nouvel atelier… ».</source>
        <translation>No workshop is saved: start one with “New workshop…”.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/menu.py" line="88"/>
        <source>Enregistrer la carte papier</source>
        <translation>Save the paper map</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/menu.py" line="89"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/menu.py" line="98"/>
        <source>Carte non enregistrée</source>
        <translation>Map not saved</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/menu.py" line="101"/>
        <source>Carte papier enregistrée ({sheet}, échelle 1:{scale}) : {path}</source>
        <translation>Paper map saved ({sheet}, scale 1:{scale}): {path}</translation>
    </message>
</context>
<context>
    <name>CaptureTool</name>
    <message>
        <location filename="../../qpvdesk/views/map/capture_tool.py" line="144"/>
        <source>Un polygone demande au moins 3 sommets distincts : continuez à cliquer.</source>
        <translation>A polygon needs at least 3 distinct vertices: keep clicking.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/map/capture_tool.py" line="247"/>
        <source>{kind} : cliquez sur la carte pour placer le point.</source>
        <translation>{kind}: click on the map to place the point.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/map/capture_tool.py" line="251"/>
        <source>{kind} : cliquez le premier sommet du contour.</source>
        <translation>{kind}: click the first vertex of the outline.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/map/capture_tool.py" line="252"/>
        <source>1 sommet</source>
        <translation>1 vertex</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/map/capture_tool.py" line="253"/>
        <source>{count} sommets</source>
        <translation>{count} vertices</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/map/capture_tool.py" line="254"/>
        <source>Entrée ou double-clic pour finir</source>
        <translation>Enter or double-click to finish</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/map/capture_tool.py" line="255"/>
        <source>3 sommets au moins avant de finir</source>
        <translation>at least 3 vertices before finishing</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/map/capture_tool.py" line="256"/>
        <source>{kind} : {vertices} — cliquez le suivant ; {finish}, Retour arrière efface le dernier, Échap abandonne.</source>
        <translation>{kind}: {vertices} — click the next one; {finish}, Backspace removes the last one, Esc discards.</translation>
    </message>
</context>
<context>
    <name>ChangeAgglomerationDialog</name>
    <message>
        <location filename="../../qpvdesk/views/epci_chooser.py" line="157"/>
        <source>Changer d&apos;agglomération</source>
        <translation>Change agglomeration</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/epci_chooser.py" line="161"/>
        <source>Base ouverte : {name}. Cherchez une autre intercommunalité par son nom ou son SIREN : sa base est préparée dans votre dossier de données à partir des données nationales fournies avec qpvdesk (quelques secondes), puis ouverte.</source>
        <translation>Open database: {name}. Search for another intercommunality by name or SIREN: its database is prepared in your data folder from the national data shipped with qpvdesk (a few seconds), then opened.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/epci_chooser.py" line="170"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ChartsPanel</name>
    <message>
        <location filename="../../qpvdesk/views/charts/charts.py" line="43"/>
        <source>Pas de valeur publiée pour la CALL pour cet indicateur dans les sources embarquées&#xa0;: elle n&apos;est pas recalculée à partir des quartiers.</source>
        <translation>No published value for the CALL for this indicator in the embedded sources: it is not recomputed from the neighbourhoods.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/charts/charts.py" line="47"/>
        <source>Valeur couverte par le secret statistique ({editions})&#xa0;: pas de point, la courbe est interrompue.</source>
        <translation>Value covered by statistical confidentiality ({editions}): no point, the line is broken.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/charts/charts.py" line="50"/>
        <source>Valeur non disponible ({editions})&#xa0;: pas de point.</source>
        <translation>Value not available ({editions}): no point.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/charts/charts.py" line="487"/>
        <source>Graphiques</source>
        <translation>Charts</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/charts/charts.py" line="494"/>
        <source>Indicateur</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/charts/charts.py" line="497"/>
        <source>Quartier</source>
        <translation>Neighbourhood</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/charts/charts.py" line="508"/>
        <source>Courbe d&apos;évolution d&apos;un quartier</source>
        <translation>Trend of a neighbourhood</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/charts/charts.py" line="509"/>
        <source>Les quartiers comparés</source>
        <translation>Neighbourhoods compared</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/charts/charts.py" line="510"/>
        <source>Dynamique des écarts</source>
        <translation>Gap dynamics</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/charts/charts.py" line="512"/>
        <source>Indicateur&#xa0;:</source>
        <translation>Indicator:</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/charts/charts.py" line="515"/>
        <source>Quartier (courbe d&apos;évolution)&#xa0;:</source>
        <translation>Neighbourhood (trend):</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/charts/charts.py" line="588"/>
        <source>Dynamique des écarts à la CALL — {label}</source>
        <translation>Gap dynamics relative to the CALL — {label}</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/charts/charts.py" line="589"/>
        <source>La dynamique des écarts ne peut pas être tracée pour « {label} »&#xa0;: il faut une valeur publiée pour la CALL à deux éditions au moins, et les sources embarquées n&apos;en ont pas pour cet indicateur.

Indicateurs possibles&#xa0;: {usable}.</source>
        <translation>The gap dynamics cannot be drawn for “{label}”: a published value for the CALL is needed for at least two editions, and the embedded sources have none for this indicator.

Possible indicators: {usable}.</translation>
    </message>
</context>
<context>
    <name>ChoroplethPanel</name>
    <message>
        <location filename="../../qpvdesk/views/map/choropleth_panel.py" line="26"/>
        <source>Carte thématique</source>
        <translation>Thematic map</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/map/choropleth_panel.py" line="27"/>
        <source>Colorer la carte selon un indicateur</source>
        <translation>Colour the map by an indicator</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/map/choropleth_panel.py" line="28"/>
        <source>Couche&#xa0;:</source>
        <translation>Layer:</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/map/choropleth_panel.py" line="29"/>
        <source>Indicateur&#xa0;:</source>
        <translation>Indicator:</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/map/choropleth_panel.py" line="30"/>
        <source>Édition&#xa0;:</source>
        <translation>Edition:</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/map/choropleth_panel.py" line="31"/>
        <source>Méthode&#xa0;:</source>
        <translation>Method:</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/map/choropleth_panel.py" line="32"/>
        <source>Classes&#xa0;:</source>
        <translation>Classes:</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/map/choropleth_panel.py" line="33"/>
        <source>Tapez un mot pour chercher un indicateur, ou déroulez la liste.</source>
        <translation>Type a word to search for an indicator, or open the list.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/map/choropleth_panel.py" line="35"/>
        <source>Comment les valeurs sont réparties entre les couleurs</source>
        <translation>How the values are spread across the colours</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/map/choropleth_panel.py" line="37"/>
        <source>Nombre de couleurs de la légende</source>
        <translation>Number of colours in the legend</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/map/choropleth_panel.py" line="38"/>
        <source>Indicateurs INSEE calculés sur la géographie 2015 des QPV, dessinés sur les périmètres 2024.</source>
        <translation>INSEE indicators computed on the 2015 QPV geography, drawn on the 2024 boundaries.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/map/choropleth_panel.py" line="43"/>
        <source>Quartiers prioritaires</source>
        <translation>Priority neighbourhoods</translation>
    </message>
</context>
<context>
    <name>CommuneChoiceDialog</name>
    <message>
        <location filename="../../qpvdesk/views/package/trust_dialog.py" line="93"/>
        <source>Attention : ce fichier se présente comme la clé de {declared}, pas de {chosen}. Ne l&apos;attribuez à {chosen} que si cette commune vous le confirme par téléphone.</source>
        <translation>Warning: this file presents itself as the key of {declared}, not of {chosen}. Assign it to {chosen} only if that commune confirms it on the phone.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/trust_dialog.py" line="50"/>
        <source>Importer la clé publique d&apos;une commune</source>
        <translation>Import a commune&apos;s public key</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/trust_dialog.py" line="53"/>
        <source>Fichier : {file_name}</source>
        <translation>File: {file_name}</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/trust_dialog.py" line="56"/>
        <source>Choisissez la commune…</source>
        <translation>Choose the commune…</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/trust_dialog.py" line="64"/>
        <source>Commune :</source>
        <translation>Commune:</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/trust_dialog.py" line="69"/>
        <source>Identifiant de la clé :</source>
        <translation>Key ID:</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/trust_dialog.py" line="74"/>
        <source>Avant de valider, téléphonez à la commune et demandez-lui de lire l&apos;identifiant de sa clé (menu « Ma clé de signature… » de qpvdesk). Il doit être exactement celui affiché ci-dessus. S&apos;il diffère, n&apos;importez pas ce fichier : il ne vient peut-être pas de la commune.</source>
        <translation>Before confirming, phone the commune and ask them to read out their key ID (menu “My signing key…” in qpvdesk). It must be exactly the one shown above. If it differs, do not import this file: it may not come from the commune.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/trust_dialog.py" line="79"/>
        <source>L&apos;identifiant est le bon : importer</source>
        <translation>The ID is correct: import</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/trust_dialog.py" line="81"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>CommunePackageActions</name>
    <message>
        <location filename="../../qpvdesk/views/package/commune_actions.py" line="180"/>
        <source>Exporter un paquet signé…</source>
        <translation>Export a signed package…</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/commune_actions.py" line="182"/>
        <source>Signer les propositions choisies et les écrire dans un paquet à envoyer à l&apos;agglomération</source>
        <translation>Sign the chosen proposals and write them into a package to send to the agglomeration</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/commune_actions.py" line="185"/>
        <source>Ma clé de signature…</source>
        <translation>My signing key…</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/commune_actions.py" line="186"/>
        <source>Voir, exporter, sauvegarder ou restaurer la clé de signature de la commune</source>
        <translation>View, export, back up or restore the commune&apos;s signing key</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/export_dialog.py" line="167"/>
        <location filename="../../qpvdesk/views/package/commune_actions.py" line="214"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/commune_actions.py" line="241"/>
        <location filename="../../qpvdesk/views/package/commune_actions.py" line="253"/>
        <source>Exporter un paquet signé</source>
        <translation>Export a signed package</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/commune_actions.py" line="242"/>
        <source>Vous n&apos;avez encore aucune proposition : dessinez-en au moins une sur la carte avant de préparer un paquet.</source>
        <translation>You have no proposals yet: draw at least one on the map before preparing a package.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/commune_actions.py" line="261"/>
        <source>Enregistrer le paquet signé</source>
        <translation>Save the signed package</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/commune_actions.py" line="263"/>
        <source>Paquet de propositions (*{suffix})</source>
        <translation>Proposal package (*{suffix})</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/commune_actions.py" line="305"/>
        <source>Paquet signé enregistré : {target}</source>
        <translation>Signed package saved: {target}</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/export_dialog.py" line="166"/>
        <source>Export du paquet…</source>
        <translation>Exporting the package…</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/export_dialog.py" line="168"/>
        <source>Export du paquet</source>
        <translation>Package export</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/commune_actions.py" line="321"/>
        <source>Export impossible</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/commune_actions.py" line="322"/>
        <source>{exc}
Aucun paquet n&apos;a été écrit.</source>
        <translation>{exc}
No package was written.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/commune_actions.py" line="339"/>
        <location filename="../../qpvdesk/views/package/commune_actions.py" line="353"/>
        <location filename="../../qpvdesk/views/package/commune_actions.py" line="432"/>
        <source>Clé de signature</source>
        <translation>Signing key</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/commune_actions.py" line="351"/>
        <location filename="../../qpvdesk/views/package/commune_actions.py" line="589"/>
        <source>{exc} Essayez encore.</source>
        <translation>{exc} Try again.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/commune_actions.py" line="355"/>
        <location filename="../../qpvdesk/views/package/commune_actions.py" line="590"/>
        <source>Phrase secrète incorrecte</source>
        <translation>Wrong passphrase</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/commune_actions.py" line="356"/>
        <source>{error}
Après {tries} essais, l&apos;export est abandonné : aucun paquet n&apos;a été écrit.</source>
        <translation>{error}
After {tries} attempts, the export was abandoned: no package was written.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/commune_actions.py" line="366"/>
        <source>Envoyer par e-mail</source>
        <translation>Send by e-mail</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/commune_actions.py" line="367"/>
        <source>Aucun logiciel de messagerie n&apos;a pu être ouvert. Envoyez le fichier {name} à l&apos;agglomération depuis votre messagerie habituelle.</source>
        <translation>No e-mail program could be opened. Send the file {name} to the agglomeration from your usual e-mail program.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/commune_actions.py" line="396"/>
        <source>La clé de signature {of_commune} est créée.

Identifiant : {key_id}

Envoyez maintenant votre clé publique à l&apos;agglomération : sans elle, l&apos;agglomération ne peut pas vérifier vos paquets. Communiquez-lui aussi l&apos;identifiant ci-dessus par téléphone, pour qu&apos;elle s&apos;assure que la clé reçue est bien la vôtre.</source>
        <translation>The signing key {of_commune} has been created.

ID: {key_id}

Now send your public key to the agglomeration: without it, the agglomeration cannot verify your packages. Also give them the ID above by phone, so they can make sure the key they receive is really yours.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/commune_actions.py" line="407"/>
        <source>Clé de signature créée : {key_id}</source>
        <translation>Signing key created: {key_id}</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/commune_actions.py" line="477"/>
        <source>Votre clé publique est enregistrée dans :
{written}

Envoyez ce fichier à l&apos;agglomération (par e-mail ou sur une clé USB), et dites-lui par téléphone son identifiant : {key_id}.
Ce fichier ne permet pas de signer : il peut circuler sans risque.</source>
        <translation>Your public key is saved in:
{written}

Send this file to the agglomeration (by e-mail or on a USB stick), and tell them its ID by phone: {key_id}.
This file cannot be used to sign: it can be shared safely.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/commune_actions.py" line="545"/>
        <source>La commune {commune} a déjà une clé sur cet ordinateur ({current}). La sauvegarde contient une autre clé ({backup}).

Si vous la remplacez, l&apos;ancienne clé est conservée dans le dossier « anciennes », et l&apos;agglomération devra recevoir la clé publique de la clé restaurée.</source>
        <translation>The commune {commune} already has a key on this computer ({current}). The backup contains another key ({backup}).

If you replace it, the old key is kept in the “anciennes” folder, and the agglomeration will need to receive the public key of the restored key.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/commune_actions.py" line="563"/>
        <source>La clé de signature {of_commune} est restaurée.
Identifiant : {key_id}</source>
        <translation>The signing key {of_commune} has been restored.
ID: {key_id}</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/commune_actions.py" line="566"/>
        <source>Clé restaurée : {key_id}</source>
        <translation>Key restored: {key_id}</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/commune_actions.py" line="403"/>
        <source>Continuer l&apos;export</source>
        <translation>Continue the export</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/commune_actions.py" line="377"/>
        <source>Afficher dans le dossier</source>
        <translation>Show in folder</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/commune_actions.py" line="378"/>
        <source>Aucun gestionnaire de fichiers n&apos;a répondu. Le paquet {name} se trouve dans le dossier&#xa0;:
{folder}

Ouvrez-le depuis votre explorateur de fichiers.</source>
        <translation>No file manager answered. The package {name} is in the folder:
{folder}

Open it from your file explorer.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/commune_actions.py" line="403"/>
        <source>Plus tard</source>
        <translation>Later</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/commune_actions.py" line="404"/>
        <source>Clé créée</source>
        <translation>Key created</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/commune_actions.py" line="404"/>
        <source>Exporter ma clé publique…</source>
        <translation>Export my public key…</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/commune_actions.py" line="426"/>
        <location filename="../../qpvdesk/views/package/commune_actions.py" line="447"/>
        <location filename="../../qpvdesk/views/package/commune_actions.py" line="452"/>
        <source>Ma clé de signature</source>
        <translation>My signing key</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/commune_actions.py" line="448"/>
        <source>Choisissez d&apos;abord votre commune (menu « Ma clé de signature… »).</source>
        <translation>First choose your commune (menu “My signing key…”).</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/commune_actions.py" line="453"/>
        <source>La commune {commune} n&apos;a pas encore de clé de signature sur cet ordinateur.</source>
        <translation>The commune {commune} has no signing key on this computer yet.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/commune_actions.py" line="463"/>
        <location filename="../../qpvdesk/views/package/commune_actions.py" line="474"/>
        <source>Exporter ma clé publique</source>
        <translation>Export my public key</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/commune_actions.py" line="464"/>
        <source>Clé publique (*.pub)</source>
        <translation>Public key (*.pub)</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/commune_actions.py" line="476"/>
        <source>Clé publique exportée</source>
        <translation>Public key exported</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/commune_actions.py" line="482"/>
        <source>Clé publique exportée : {written}</source>
        <translation>Public key exported: {written}</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/commune_actions.py" line="490"/>
        <location filename="../../qpvdesk/views/package/commune_actions.py" line="498"/>
        <location filename="../../qpvdesk/views/package/commune_actions.py" line="508"/>
        <source>Sauvegarder ma clé secrète</source>
        <translation>Back up my secret key</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/commune_actions.py" line="491"/>
        <source>Qui détient ce fichier et sa phrase secrète peut signer des paquets au nom de la commune.

Enregistrez la sauvegarde sur une clé USB que vous rangerez en lieu sûr (un coffre, un tiroir fermé à clé), jamais dans un dossier partagé ni dans un e-mail.</source>
        <translation>Whoever holds this file and its passphrase can sign packages on behalf of the commune.

Save the backup on a USB stick that you keep in a safe place (a safe, a locked drawer), never in a shared folder or in an e-mail.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/commune_actions.py" line="495"/>
        <source>Choisir l&apos;emplacement…</source>
        <translation>Choose the location…</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/commune_actions.py" line="499"/>
        <source>Clé secrète (*.key)</source>
        <translation>Secret key (*.key)</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/commune_actions.py" line="510"/>
        <source>Clé sauvegardée</source>
        <translation>Key backed up</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/commune_actions.py" line="511"/>
        <source>Votre clé secrète est sauvegardée dans :
{written}

Pour la restaurer (nouvel ordinateur, panne), utilisez « Restaurer une clé… » : sa phrase secrète vous sera demandée.</source>
        <translation>Your secret key is backed up in:
{written}

To restore it (new computer, breakdown), use “Restore a key…”: you will be asked for its passphrase.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/commune_actions.py" line="515"/>
        <source>Clé secrète sauvegardée : {written}</source>
        <translation>Secret key backed up: {written}</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/commune_actions.py" line="522"/>
        <location filename="../../qpvdesk/views/package/commune_actions.py" line="525"/>
        <location filename="../../qpvdesk/views/package/commune_actions.py" line="559"/>
        <source>Restaurer une clé</source>
        <translation>Restore a key</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/commune_actions.py" line="522"/>
        <source>Choisissez d&apos;abord votre commune.</source>
        <translation>First choose your commune.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/commune_actions.py" line="527"/>
        <source>Clé secrète (*.key);;Tous les fichiers (*)</source>
        <translation>Secret key (*.key);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/commune_actions.py" line="532"/>
        <source>Clé secrète à restaurer</source>
        <translation>Secret key to restore</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/commune_actions.py" line="544"/>
        <source>Remplacer la clé actuelle ?</source>
        <translation>Replace the current key?</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/commune_actions.py" line="553"/>
        <source>Remplacer</source>
        <translation>Replace</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/commune_actions.py" line="562"/>
        <source>Clé restaurée</source>
        <translation>Key restored</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/commune_actions.py" line="580"/>
        <source>Saisissez la phrase secrète de la clé sauvegardée (celle choisie quand la clé a été créée).</source>
        <translation>Enter the passphrase of the backed-up key (the one chosen when the key was created).</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/commune_actions.py" line="591"/>
        <source>{error}
La clé n&apos;a pas été restaurée.</source>
        <translation>{error}
The key was not restored.</translation>
    </message>
</context>
<context>
    <name>CommunePage</name>
    <message>
        <location filename="../../qpvdesk/views/first_run.py" line="153"/>
        <source>Votre commune</source>
        <translation>Your commune</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/first_run.py" line="154"/>
        <source>Ces informations sont écrites dans chaque paquet que vous envoyez, pour que l&apos;agglomération sache qui contacter.</source>
        <translation>This information is written into every package you send, so that the agglomeration knows whom to contact.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/first_run.py" line="183"/>
        <source>Choisissez votre commune…</source>
        <translation>Choose your commune…</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/first_run.py" line="162"/>
        <source>Prénom Nom</source>
        <translation>First name Last name</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/first_run.py" line="165"/>
        <source>Commune :</source>
        <translation>Commune:</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/first_run.py" line="166"/>
        <source>Votre nom (facultatif) :</source>
        <translation>Your name (optional):</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/first_run.py" line="167"/>
        <source>Votre adresse e-mail (facultative) :</source>
        <translation>Your e-mail address (optional):</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/first_run.py" line="170"/>
        <source>Le nom et l&apos;adresse e-mail peuvent être ajoutés plus tard ; ils seront demandés au premier envoi d&apos;un paquet.</source>
        <translation>The name and e-mail address can be added later; they will be asked for when you send your first package.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/first_run.py" line="204"/>
        <source>Choisissez votre commune dans la liste.</source>
        <translation>Choose your commune in the list.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/first_run.py" line="207"/>
        <source>L&apos;adresse e-mail n&apos;est pas complète (exemple : prenom.nom@mairie.fr).</source>
        <translation>The e-mail address is incomplete (example: firstname.lastname@mairie.fr).</translation>
    </message>
</context>
<context>
    <name>CommuneResponseActions</name>
    <message>
        <location filename="../../qpvdesk/views/package/response_actions.py" line="26"/>
        <source>Réponse de l&apos;agglomération (*{suffix});;Tous les fichiers (*)</source>
        <translation>Agglomeration&apos;s response (*{suffix});;All files (*)</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/response_actions.py" line="46"/>
        <source>Importer une réponse de l&apos;agglomération…</source>
        <translation>Import a response from the agglomeration…</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/response_actions.py" line="47"/>
        <source>Vérifier la réponse signée de l&apos;agglomération et afficher ses décisions sur vos propositions</source>
        <translation>Verify the agglomeration&apos;s signed response and show its decisions on your proposals</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/response_actions.py" line="50"/>
        <source>Clé de l&apos;agglomération…</source>
        <translation>Agglomeration&apos;s key…</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/response_actions.py" line="51"/>
        <source>La clé publique avec laquelle qpvdesk vérifie les réponses de l&apos;agglomération</source>
        <translation>The public key qpvdesk verifies the agglomeration&apos;s responses with</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/response_actions.py" line="64"/>
        <source>Clé de l&apos;agglomération</source>
        <translation>Agglomeration&apos;s key</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/response_actions.py" line="84"/>
        <source>Réponse de l&apos;agglomération</source>
        <translation>Agglomeration&apos;s response</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/response_actions.py" line="85"/>
        <source>Choisissez d&apos;abord votre commune (menu « Ma clé de signature… ») : une réponse n&apos;est importée que par la commune à qui elle est destinée.</source>
        <translation>Choose your commune first (menu “My signing key…”): a response is imported only by the commune it is meant for.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/response_actions.py" line="90"/>
        <source>Ouvrir une réponse de l&apos;agglomération</source>
        <translation>Open a response from the agglomeration</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/response_actions.py" line="125"/>
        <location filename="../../qpvdesk/views/package/response_actions.py" line="128"/>
        <source>Réponse non importée</source>
        <translation>Response not imported</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/response_actions.py" line="129"/>
        <source>L&apos;enregistrement a échoué ({error}). Rien n&apos;a été importé.</source>
        <translation>Saving failed ({error}). Nothing was imported.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/response_actions.py" line="133"/>
        <source>Réponse importée</source>
        <translation>Response imported</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/response_actions.py" line="134"/>
        <source>Réponse déjà importée</source>
        <translation>Response already imported</translation>
    </message>
</context>
<context>
    <name>CreateKeyDialog</name>
    <message>
        <location filename="../../qpvdesk/views/package/key_dialogs.py" line="51"/>
        <source>Créer la clé de signature</source>
        <translation>Create the signing key</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/key_dialogs.py" line="55"/>
        <source>&lt;b&gt;Clé de signature de l&apos;agglomération ({name})&lt;/b&gt;</source>
        <translation>&lt;b&gt;Signing key of the agglomeration ({name})&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/key_dialogs.py" line="57"/>
        <source>Cette clé sert à signer les réponses que l&apos;agglomération envoie aux communes. La signature prouve que la réponse vient bien de l&apos;agglomération et qu&apos;elle n&apos;a pas été modifiée en route.</source>
        <translation>This key signs the responses the agglomeration sends to the communes. The signature proves that the response comes from the agglomeration and was not changed on the way.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/key_dialogs.py" line="60"/>
        <source>La clé reste sur cet ordinateur. Vous enverrez une seule fois à chaque commune sa partie publique, qui lui permet de vérifier vos réponses.</source>
        <translation>The key stays on this computer. You will send its public part once to each commune, so that it can verify your responses.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/key_dialogs.py" line="64"/>
        <source>&lt;b&gt;Clé de signature {of_commune}&lt;/b&gt;</source>
        <translation>&lt;b&gt;Signing key {of_commune}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/key_dialogs.py" line="66"/>
        <source>Cette clé sert à signer les paquets de propositions que vous envoyez à l&apos;agglomération. La signature prouve que le paquet vient bien de votre commune et qu&apos;il n&apos;a pas été modifié en route.</source>
        <translation>This key is used to sign the proposal packages you send to the agglomeration. The signature proves that the package really comes from your commune and that it was not altered on the way.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/key_dialogs.py" line="69"/>
        <source>La clé reste sur cet ordinateur. Vous enverrez une seule fois à l&apos;agglomération sa partie publique, qui lui permet de vérifier vos paquets.</source>
        <translation>The key stays on this computer. You will send its public part to the agglomeration once, which lets them verify your packages.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/key_dialogs.py" line="76"/>
        <source>Choisissez une phrase secrète d&apos;au moins {minimum} caractères (par exemple quelques mots). Elle vous sera demandée à chaque envoi. Notez-la en lieu sûr : si vous l&apos;oubliez, personne ne pourra la retrouver.</source>
        <translation>Choose a passphrase of at least {minimum} characters (for example a few words). You will be asked for it at each sending. Write it down in a safe place: if you forget it, nobody can recover it.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/key_dialogs.py" line="85"/>
        <source>Phrase secrète :</source>
        <translation>Passphrase:</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/key_dialogs.py" line="86"/>
        <source>Confirmation :</source>
        <translation>Confirmation:</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/key_dialogs.py" line="89"/>
        <source>Ne pas protéger la clé par une phrase secrète</source>
        <translation>Do not protect the key with a passphrase</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/key_dialogs.py" line="92"/>
        <source>Attention : sans phrase secrète, toute personne qui utilise cet ordinateur ou copie le fichier de la clé peut signer des paquets au nom de votre commune.</source>
        <translation>Warning: without a passphrase, anyone who uses this computer or copies the key file can sign packages on behalf of your commune.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/key_dialogs.py" line="103"/>
        <source>Créer ma clé</source>
        <translation>Create my key</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/key_dialogs.py" line="118"/>
        <source>Saisissez une phrase secrète, ou cochez la case ci-dessus.</source>
        <translation>Enter a passphrase, or tick the box above.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/key_dialogs.py" line="120"/>
        <source>La phrase secrète doit compter au moins {minimum} caractères.</source>
        <translation>The passphrase must have at least {minimum} characters.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/key_dialogs.py" line="123"/>
        <source>Les deux phrases secrètes ne sont pas identiques.</source>
        <translation>The two passphrases are not the same.</translation>
    </message>
</context>
<context>
    <name>DataPage</name>
    <message>
        <location filename="../../qpvdesk/views/first_run.py" line="421"/>
        <source>Où sont vos données</source>
        <translation>Where your data is</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/first_run.py" line="422"/>
        <source>Tout reste sur cet ordinateur. Voici où, pour pouvoir les sauvegarder.</source>
        <translation>Everything stays on this computer. Here is where, so that you can back it up.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/first_run.py" line="444"/>
        <source>Ouvrir le dossier de qpvdesk</source>
        <translation>Open the qpvdesk folder</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/first_run.py" line="446"/>
        <source>Affiche le dossier de qpvdesk dans l&apos;explorateur de fichiers</source>
        <translation>Shows the qpvdesk folder in the file manager</translation>
    </message>
</context>
<context>
    <name>DecisionActions</name>
    <message>
        <location filename="../../qpvdesk/views/package/decision_actions.py" line="84"/>
        <source>Cliquez sur la carte pour placer le nouvel emplacement.</source>
        <translation>Click on the map to place the new location.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/decision_actions.py" line="86"/>
        <source>Dessinez la nouvelle forme : cliquez ses sommets ; Entrée ou double-clic pour finir.</source>
        <translation>Draw the new shape: click its vertices; Enter or double-click to finish.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/decision_actions.py" line="97"/>
        <source>Déplacez les sommets de la forme reçue (double-clic sur un côté : ajouter un sommet ; clic droit : retirer), puis « Terminer ».</source>
        <translation>Move the vertices of the received shape (double-click on a side: add a vertex; right-click: remove one), then “Finish”.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/decision_actions.py" line="109"/>
        <source>Géométrie modifiée</source>
        <translation>Modified geometry</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/decision_actions.py" line="110"/>
        <source>Terminer et revenir à la décision</source>
        <translation>Finish and go back to the decision</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <location filename="../../qpvdesk/views/package/decision_dialog.py" line="39"/>
        <source>Décider : « {label} »</source>
        <translation>Decide: “{label}”</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/decision_dialog.py" line="50"/>
        <source>Décision :</source>
        <translation>Decision:</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/decision_dialog.py" line="54"/>
        <source>Pourquoi : la commune lira ce motif dans la réponse de l&apos;agglomération</source>
        <translation>Why: the commune will read this reason in the agglomeration&apos;s response</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/decision_dialog.py" line="59"/>
        <source>Décidé par :</source>
        <translation>Decided by:</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/decision_dialog.py" line="65"/>
        <source>Utiliser la forme corrigée</source>
        <translation>Use the corrected shape</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/decision_dialog.py" line="70"/>
        <source>Enregistrer la décision</source>
        <translation>Save the decision</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/decision_dialog.py" line="73"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/decision_dialog.py" line="83"/>
        <source>Proposition reçue</source>
        <translation>Received proposal</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/decision_dialog.py" line="85"/>
        <source>Commune :</source>
        <translation>Commune:</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/decision_dialog.py" line="87"/>
        <source>Type :</source>
        <translation>Type:</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/decision_dialog.py" line="89"/>
        <source>Titre :</source>
        <translation>Title:</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/decision_dialog.py" line="90"/>
        <source>QPV :</source>
        <translation>QPV:</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/decision_dialog.py" line="91"/>
        <source>Reçue le :</source>
        <translation>Received on:</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/decision_dialog.py" line="98"/>
        <source>Décisions précédentes</source>
        <translation>Previous decisions</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/decision_dialog.py" line="101"/>
        <source>Aucune : la proposition est « reçue ».</source>
        <translation>None: the proposal is “received”.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/decision_dialog.py" line="103"/>
        <source>{date} — {decision}{motif} ({by})</source>
        <translation>{date} — {decision}{motif} ({by})</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/decision_dialog.py" line="108"/>
        <source>… et {count} plus anciennes.</source>
        <translation>… and {count} older ones.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/decision_dialog.py" line="113"/>
        <source>Géométrie modifiée (facultative)</source>
        <translation>Modified geometry (optional)</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/decision_dialog.py" line="119"/>
        <source>Placer le point sur la carte…</source>
        <translation>Place the point on the map…</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/decision_dialog.py" line="120"/>
        <source>Dessiner une nouvelle forme…</source>
        <translation>Draw a new shape…</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/decision_dialog.py" line="121"/>
        <source>Modifier la forme reçue…</source>
        <translation>Reshape the received shape…</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/decision_dialog.py" line="123"/>
        <source>Retirer</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/decision_dialog.py" line="153"/>
        <source>Motif * :</source>
        <translation>Reason *:</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/decision_dialog.py" line="153"/>
        <source>Motif :</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/decision_dialog.py" line="154"/>
        <source>Obligatoire pour cette décision (au plus {limit} caractères).</source>
        <translation>Required for this decision (at most {limit} characters).</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/decision_dialog.py" line="169"/>
        <source>Aucune : la forme envoyée par la commune est gardée.</source>
        <translation>None: the shape the commune sent is kept.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/decision_dialog.py" line="171"/>
        <source>Nouvel emplacement placé sur la carte.</source>
        <translation>New location placed on the map.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/decision_dialog.py" line="173"/>
        <source>Nouvelle forme dessinée : {area}&#xa0;ha (la commune l&apos;envoyait avec {before}&#xa0;ha).</source>
        <translation>New shape drawn: {area}&#xa0;ha (the commune sent {before}&#xa0;ha).</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/decision_dialog.py" line="188"/>
        <source>Utiliser la forme corrigée ({area}&#xa0;ha)</source>
        <translation>Use the corrected shape ({area}&#xa0;ha)</translation>
    </message>
</context>
<context>
    <name>EditTool</name>
    <message>
        <location filename="../../qpvdesk/views/map/edit_tool.py" line="179"/>
        <source>Un polygone garde au moins 3 sommets.</source>
        <translation>A polygon keeps at least 3 vertices.</translation>
    </message>
</context>
<context>
    <name>EpciChooser</name>
    <message>
        <location filename="../../qpvdesk/views/epci_chooser.py" line="42"/>
        <source>Nom ou SIREN de l&apos;intercommunalité (ex. : Grand Avignon, 200093201)</source>
        <translation>Name or SIREN of the intercommunality (e.g. Grand Avignon, 200093201)</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/epci_chooser.py" line="44"/>
        <source>Rechercher une intercommunalité</source>
        <translation>Search for an intercommunality</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/epci_chooser.py" line="46"/>
        <source>Intercommunalités trouvées</source>
        <translation>Intercommunalities found</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/epci_chooser.py" line="47"/>
        <source>Préparer la base de cette agglomération</source>
        <translation>Prepare this agglomeration&apos;s database</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/epci_chooser.py" line="75"/>
        <source>Aucune intercommunalité ne correspond à « {text} ».</source>
        <translation>No intercommunality matches “{text}”.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/epci_chooser.py" line="105"/>
        <source>Préparation de la base de {name}…</source>
        <translation>Preparing the database of {name}…</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/epci_chooser.py" line="121"/>
        <source>Base prête : {name}.</source>
        <translation>Database ready: {name}.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/epci_chooser.py" line="127"/>
        <source>Préparation annulée : rien n&apos;a été écrit.</source>
        <translation>Preparation cancelled: nothing was written.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/epci_chooser.py" line="129"/>
        <source>La base n&apos;a pas pu être préparée : {error} Rien n&apos;a été écrit.</source>
        <translation>The database could not be prepared: {error} Nothing was written.</translation>
    </message>
</context>
<context>
    <name>EvolutionChart</name>
    <message>
        <location filename="../../qpvdesk/views/charts/charts.py" line="191"/>
        <source>Édition de la base INSEE QPV</source>
        <translation>Edition of the INSEE QPV database</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/charts/charts.py" line="196"/>
        <source>CALL (valeur publiée)</source>
        <translation>CALL (published value)</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/charts/charts.py" line="238"/>
        <source>Courbe de la CALL&#xa0;: valeurs publiées (millésimes {first} à {last}) placées sur l&apos;édition QPV correspondante. </source>
        <translation>CALL line: published values (vintages {first} to {last}) placed on the corresponding QPV edition. </translation>
    </message>
</context>
<context>
    <name>ExportPackageDialog</name>
    <message>
        <location filename="../../qpvdesk/views/package/export_dialog.py" line="33"/>
        <source>Exporter un paquet signé</source>
        <translation>Export a signed package</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/export_dialog.py" line="37"/>
        <source>Le paquet rassemble les propositions cochées dans un seul fichier, signé avec la clé de votre commune. Vous l&apos;enverrez ensuite à l&apos;agglomération par e-mail ; la signature lui prouve qu&apos;il vient bien de vous.</source>
        <translation>The package gathers the ticked proposals in a single file, signed with your commune&apos;s key. You will then send it to the agglomeration by e-mail; the signature proves to them that it really comes from you.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/export_dialog.py" line="43"/>
        <source>&lt;b&gt;Propositions à envoyer&lt;/b&gt;</source>
        <translation>&lt;b&gt;Proposals to send&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/export_dialog.py" line="58"/>
        <source>Tout cocher</source>
        <translation>Tick all</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/export_dialog.py" line="59"/>
        <source>Tout décocher</source>
        <translation>Untick all</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/export_dialog.py" line="69"/>
        <source>&lt;b&gt;Expéditeur&lt;/b&gt;</source>
        <translation>&lt;b&gt;Sender&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/export_dialog.py" line="72"/>
        <source>Choisissez votre commune…</source>
        <translation>Choose your commune…</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/export_dialog.py" line="81"/>
        <source>Prénom Nom</source>
        <translation>First name Last name</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/export_dialog.py" line="84"/>
        <source>Commune :</source>
        <translation>Commune:</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/export_dialog.py" line="85"/>
        <source>Personne à contacter :</source>
        <translation>Contact person:</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/export_dialog.py" line="86"/>
        <source>Adresse e-mail :</source>
        <translation>E-mail address:</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/export_dialog.py" line="88"/>
        <source>Ces informations sont écrites dans le paquet et gardées pour le prochain envoi.</source>
        <translation>This information is written into the package and kept for the next sending.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/export_dialog.py" line="101"/>
        <source>Continuer</source>
        <translation>Continue</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/export_dialog.py" line="102"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/export_dialog.py" line="135"/>
        <source>Vous n&apos;avez aucune proposition à envoyer.</source>
        <translation>You have no proposals to send.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/export_dialog.py" line="137"/>
        <source>Cochez au moins une proposition.</source>
        <translation>Tick at least one proposal.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/export_dialog.py" line="139"/>
        <source>Choisissez votre commune.</source>
        <translation>Choose your commune.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/export_dialog.py" line="141"/>
        <source>Indiquez la personne à contacter.</source>
        <translation>Enter the contact person.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/export_dialog.py" line="144"/>
        <source>Indiquez l&apos;adresse e-mail de la personne à contacter.</source>
        <translation>Enter the contact person&apos;s e-mail address.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/export_dialog.py" line="146"/>
        <source>L&apos;adresse e-mail doit être de la forme prenom.nom@mairie.fr.</source>
        <translation>The e-mail address must look like firstname.lastname@mairie.fr.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/export_dialog.py" line="151"/>
        <source>{count} cochée{plural} sur {total}</source>
        <translation>{count} of {total} ticked</translation>
    </message>
</context>
<context>
    <name>FicheView</name>
    <message>
        <location filename="../../qpvdesk/views/fiche/fiche_view.py" line="234"/>
        <source>Fiche du quartier {name}</source>
        <translation>Neighbourhood profile {name}</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/fiche/fiche_view.py" line="253"/>
        <source>Exporter en PDF…</source>
        <translation>Export to PDF…</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/fiche/fiche_view.py" line="254"/>
        <source>Enregistrer la fiche en PDF (A4)</source>
        <translation>Save the profile as PDF (A4)</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/fiche/fiche_view.py" line="256"/>
        <source>Imprimer…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/fiche/fiche_view.py" line="257"/>
        <source>Imprimer la fiche (Ctrl+P)</source>
        <translation>Print the profile (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/fiche/fiche_view.py" line="294"/>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/fiche/fiche_view.py" line="298"/>
        <source>Sources</source>
        <translation>Sources</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/fiche/fiche_view.py" line="334"/>
        <source>Carte&#xa0;: </source>
        <translation>Map: </translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/fiche/fiche_view.py" line="342"/>
        <source>Carte du quartier {name}</source>
        <translation>Map of the neighbourhood {name}</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/fiche/fiche_view.py" line="343"/>
        <source>Périmètre 2024 du quartier (contour bleu)</source>
        <translation>2024 boundary of the neighbourhood (blue outline)</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/fiche/fiche_view.py" line="374"/>
        <location filename="../../qpvdesk/views/fiche/fiche_view.py" line="384"/>
        <source>Exporter la fiche en PDF</source>
        <translation>Export the profile to PDF</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/fiche/fiche_view.py" line="375"/>
        <source>Documents PDF (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/fiche/fiche_view.py" line="388"/>
        <source>Fiche enregistrée : {path} ({pages} pages)</source>
        <translation>Profile saved: {path} ({pages} pages)</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/fiche/fiche_view.py" line="396"/>
        <source>Imprimer la fiche</source>
        <translation>Print the profile</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/fiche/fiche_view.py" line="399"/>
        <source>Fiche envoyée à l&apos;imprimante.</source>
        <translation>Profile sent to the printer.</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../qpvdesk/views/first_run.py" line="480"/>
        <source>Bienvenue dans qpvdesk</source>
        <translation>Welcome to qpvdesk</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/first_run.py" line="483"/>
        <source>Suivant</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/first_run.py" line="484"/>
        <source>Précédent</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/first_run.py" line="485"/>
        <source>Terminer</source>
        <translation>Finish</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/first_run.py" line="486"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/first_run.py" line="487"/>
        <source>Valider</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/first_run.py" line="488"/>
        <source>Aide</source>
        <translation>Help</translation>
    </message>
</context>
<context>
    <name>GapDynamicsChart</name>
    <message>
        <location filename="../../qpvdesk/views/charts/charts.py" line="344"/>
        <location filename="../../qpvdesk/views/charts/charts.py" line="351"/>
        <source>Dynamique des écarts à la CALL — {label}</source>
        <translation>Gap dynamics relative to the CALL — {label}</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/charts/charts.py" line="346"/>
        <source>Aucun quartier n&apos;a de valeur aux deux éditions comparées.</source>
        <translation>No neighbourhood has a value in both compared editions.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/charts/charts.py" line="353"/>
        <source>Évolution de l&apos;écart de {first} à {last} ({unit})</source>
        <translation>Change in the gap from {first} to {last} ({unit})</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/charts/charts.py" line="355"/>
        <source>Écart à la CALL en {first} ({unit})&#xa0;; négatif&#xa0;: quartier sous la valeur de la CALL</source>
        <translation>Gap to the CALL in {first} ({unit}); negative: neighbourhood below the CALL value</translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <location filename="../../qpvdesk/views/help_window.py" line="22"/>
        <location filename="../../qpvdesk/views/help_window.py" line="82"/>
        <source>Sommaire</source>
        <translation>Contents</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/help_window.py" line="23"/>
        <source>Se repérer sur la carte</source>
        <translation>Finding your way on the map</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/help_window.py" line="24"/>
        <source>La fiche d&apos;un quartier</source>
        <translation>A neighbourhood&apos;s fact sheet</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/help_window.py" line="25"/>
        <source>Dessiner une proposition</source>
        <translation>Drawing a proposal</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/help_window.py" line="26"/>
        <source>Animer un atelier d&apos;habitants</source>
        <translation>Running a residents&apos; workshop</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/help_window.py" line="27"/>
        <source>Envoyer un paquet signé</source>
        <translation>Sending a signed package</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/help_window.py" line="28"/>
        <source>Paquets reçus (agglomération)</source>
        <translation>Received packages (agglomeration)</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/help_window.py" line="29"/>
        <source>Raccourcis clavier</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/help_window.py" line="30"/>
        <source>Où sont mes données ?</source>
        <translation>Where is my data?</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/help_window.py" line="52"/>
        <source>Aide de qpvdesk</source>
        <translation>qpvdesk Help</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/help_window.py" line="56"/>
        <source>Pages de l&apos;aide</source>
        <translation>Help pages</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/help_window.py" line="70"/>
        <source>Page d&apos;aide</source>
        <translation>Help page</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/help_window.py" line="77"/>
        <source>◀  Précédent</source>
        <translation>◀  Back</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/help_window.py" line="78"/>
        <source>Revenir à la page lue juste avant (Alt+Gauche)</source>
        <translation>Go back to the page read just before (Alt+Left)</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/help_window.py" line="83"/>
        <source>La liste de toutes les pages d&apos;aide</source>
        <translation>The list of all help pages</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/help_window.py" line="85"/>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/help_window.py" line="116"/>
        <source>&lt;h1&gt;Page d&apos;aide introuvable&lt;/h1&gt;&lt;p&gt;La page « {name} » n&apos;a pas été trouvée dans le dossier d&apos;aide de qpvdesk ({folder}). L&apos;installation est peut-être incomplète : demandez à la personne qui a installé qpvdesk de le réinstaller.&lt;/p&gt;&lt;p&gt;&lt;a href=&quot;index.html&quot;&gt;Aller au sommaire&lt;/a&gt;&lt;/p&gt;</source>
        <translation>&lt;h1&gt;Help page not found&lt;/h1&gt;&lt;p&gt;The page “{name}” was not found in the qpvdesk help folder ({folder}). The installation may be incomplete: ask the person who installed qpvdesk to reinstall it.&lt;/p&gt;&lt;p&gt;&lt;a href=&quot;index.html&quot;&gt;Go to the contents&lt;/a&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/help_window.py" line="137"/>
        <source>{page} — Aide de qpvdesk</source>
        <translation>{page} — qpvdesk Help</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <location filename="../../qpvdesk/views/proposals/history_panel.py" line="12"/>
        <source>État de départ (aucune modification)</source>
        <translation>Initial state (no changes)</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/history_panel.py" line="61"/>
        <source>Cliquez sur une étape pour revenir à cet état. Les étapes en gris ont été annulées et peuvent être rétablies.</source>
        <translation>Click a step to go back to that state. Steps in grey have been undone and can be redone.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/history_panel.py" line="82"/>
        <source>État actuel</source>
        <translation>Current state</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/history_panel.py" line="86"/>
        <source>Étape annulée&#xa0;: cliquez pour la rétablir</source>
        <translation>Undone step: click to redo it</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/history_panel.py" line="90"/>
        <source>Annuler</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/history_panel.py" line="91"/>
        <source>Rétablir</source>
        <translation>Redo</translation>
    </message>
</context>
<context>
    <name>IdentifyPanel</name>
    <message>
        <location filename="../../qpvdesk/views/map/identify_panel.py" line="12"/>
        <source>Informations sur l&apos;élément sélectionné</source>
        <translation>Information about the selected feature</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/map/identify_panel.py" line="13"/>
        <source>Cliquez sur un élément de la carte pour afficher ses informations.</source>
        <translation>Click a feature on the map to show its information.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/map/identify_panel.py" line="16"/>
        <source>Information</source>
        <translation>Information</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/map/identify_panel.py" line="17"/>
        <source>Valeur</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/map/identify_panel.py" line="18"/>
        <source>Informations de l&apos;élément</source>
        <translation>Feature information</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/map/identify_panel.py" line="19"/>
        <source>Ouvrir la fiche</source>
        <translation>Open the profile</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/map/identify_panel.py" line="20"/>
        <source>Ouvrir la fiche détaillée de ce quartier prioritaire</source>
        <translation>Open the detailed profile of this priority neighbourhood</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/map/identify_panel.py" line="22"/>
        <source>La fiche n&apos;existe que pour les quartiers prioritaires.</source>
        <translation>Profiles exist only for priority neighbourhoods.</translation>
    </message>
</context>
<context>
    <name>IndicatorTableModel</name>
    <message>
        <location filename="../../qpvdesk/views/tables/indicator_table_view.py" line="172"/>
        <source>{label} ({indicator_id})
Unité&#xa0;: {unit}
Édition de la base INSEE QPV&#xa0;: {edition}
{sentence}
Cliquer pour trier.</source>
        <translation>{label} ({indicator_id})
Unit: {unit}
Edition of the INSEE QPV database: {edition}
{sentence}
Click to sort.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/tables/indicator_table_view.py" line="197"/>
        <source>{name} — code 2024 {code}, code 2015 {code_2015}
Communes&#xa0;: {communes}
{hint}</source>
        <translation>{name} — 2024 code {code}, 2015 code {code_2015}
Communes: {communes}
{hint}</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/tables/indicator_table_view.py" line="212"/>
        <source>{label}, édition {edition}</source>
        <translation>{label}, edition {edition}</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/tables/indicator_table_view.py" line="243"/>
        <source>{label}&#xa0;: calculé sur {count} valeur(s) connue(s) parmi les {total} QPV, quel que soit le filtre par commune.</source>
        <translation>{label}: computed on {count} known value(s) among the {total} QPV, whatever the commune filter.</translation>
    </message>
</context>
<context>
    <name>IndicatorTableView</name>
    <message>
        <location filename="../../qpvdesk/views/tables/indicator_table_view.py" line="46"/>
        <source>moins favorable que la CALL</source>
        <extracomment>The sign shown after a value compared with the CALL; never colour alone. Colour-blind safe backgrounds (light tints of Okabe-Ito vermillion and blue).</extracomment>
        <translation>less favourable than the CALL</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/tables/indicator_table_view.py" line="47"/>
        <source>plus favorable que la CALL</source>
        <translation>more favourable than the CALL</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/tables/indicator_table_view.py" line="48"/>
        <source>égal à la valeur de la CALL</source>
        <translation>equal to the CALL value</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/tables/indicator_table_view.py" line="54"/>
        <source>Indicateurs</source>
        <translation>Indicators</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/tables/indicator_table_view.py" line="55"/>
        <source>Chercher un indicateur…</source>
        <translation>Search for an indicator…</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/tables/indicator_table_view.py" line="56"/>
        <source>Revenir à la sélection par défaut</source>
        <translation>Back to the default selection</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/tables/indicator_table_view.py" line="57"/>
        <source>Commune&#xa0;:</source>
        <translation>Commune:</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/tables/indicator_table_view.py" line="58"/>
        <source>Toutes les communes</source>
        <translation>All communes</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/tables/indicator_table_view.py" line="59"/>
        <source>Édition&#xa0;:</source>
        <translation>Edition:</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/tables/indicator_table_view.py" line="60"/>
        <source>la plus récente</source>
        <translation>the most recent</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/tables/indicator_table_view.py" line="61"/>
        <source>Exporter CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/tables/indicator_table_view.py" line="62"/>
        <source>Exporter Excel…</source>
        <translation>Export Excel…</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/tables/indicator_table_view.py" line="63"/>
        <source>Comparaison à la CALL&#xa0;: (−) moins favorable, (+) plus favorable, (=) égal (couleur et signe&#xa0;; détail au survol d&apos;une case). Double-cliquez sur un quartier pour ouvrir sa fiche.</source>
        <translation>Comparison with the CALL: (−) less favourable, (+) more favourable, (=) equal (colour and sign; details when hovering over a cell). Double-click a neighbourhood to open its profile.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/tables/indicator_table_view.py" line="68"/>
        <source>Cochez au moins un indicateur dans la liste de gauche.</source>
        <translation>Tick at least one indicator in the list on the left.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/tables/indicator_table_view.py" line="70"/>
        <source>Quartier</source>
        <translation>Neighbourhood</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/tables/indicator_table_view.py" line="71"/>
        <source>Communes</source>
        <translation>Communes</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/tables/indicator_table_view.py" line="72"/>
        <source>Double-cliquer pour ouvrir la fiche du quartier</source>
        <translation>Double-click to open the neighbourhood profile</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/tables/indicator_table_view.py" line="74"/>
        <source>Export du tableau</source>
        <translation>Table export</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/tables/indicator_table_view.py" line="78"/>
        <source>Exporter le tableau en CSV</source>
        <extracomment>(dialog title, file filter, writer); the texts are read with tr().</extracomment>
        <translation>Export the table to CSV</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/tables/indicator_table_view.py" line="79"/>
        <source>Fichier CSV pour Excel, séparateur point-virgule (*.csv)</source>
        <translation>CSV file for Excel, semicolon separator (*.csv)</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/tables/indicator_table_view.py" line="82"/>
        <source>Exporter le tableau pour Excel</source>
        <translation>Export the table for Excel</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/tables/indicator_table_view.py" line="83"/>
        <source>Classeur Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/tables/indicator_table_view.py" line="459"/>
        <source>Tableau des indicateurs</source>
        <translation>Indicator table</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/tables/indicator_table_view.py" line="509"/>
        <source>Quartiers et indicateurs</source>
        <translation>Neighbourhoods and indicators</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/tables/indicator_table_view.py" line="524"/>
        <source>Lignes de synthèse</source>
        <translation>Summary rows</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/tables/indicator_table_view.py" line="588"/>
        <source>{name} (hors CALL)</source>
        <translation>{name} (outside the CALL)</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/tables/indicator_table_view.py" line="694"/>
        <source>Le tableau n&apos;a pas pu être enregistré dans « {path} ».

Le fichier est peut-être ouvert dans un autre logiciel (Excel, LibreOffice) ou le dossier n&apos;accepte pas l&apos;écriture. Fermez le fichier ou choisissez un autre dossier, puis recommencez.

Détail&#xa0;: {detail}</source>
        <translation>The table could not be saved in “{path}”.

The file may be open in another program (Excel, LibreOffice) or the folder may not accept writing. Close the file or choose another folder, then try again.

Details: {detail}</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/tables/indicator_table_view.py" line="701"/>
        <source>Tableau enregistré&#xa0;: &lt;b&gt;{name}&lt;/b&gt; dans {folder} — &lt;a href=&quot;#&quot;&gt;Afficher dans le dossier&lt;/a&gt;</source>
        <translation>Table saved: &lt;b&gt;{name}&lt;/b&gt; in {folder} — &lt;a href=&quot;#&quot;&gt;Show in folder&lt;/a&gt;</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/tables/indicator_table_view.py" line="705"/>
        <source>Tableau exporté&#xa0;: {path}</source>
        <translation>Table exported: {path}</translation>
    </message>
</context>
<context>
    <name>KeyInfoDialog</name>
    <message>
        <location filename="../../qpvdesk/views/package/key_dialogs.py" line="202"/>
        <source>Ma clé de signature</source>
        <translation>My signing key</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/key_dialogs.py" line="206"/>
        <source>La clé de signature prouve à l&apos;agglomération que les paquets de propositions viennent bien de votre commune et qu&apos;ils n&apos;ont pas été modifiés.</source>
        <translation>The signing key proves to the agglomeration that the proposal packages really come from your commune and that they have not been altered.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/key_dialogs.py" line="210"/>
        <source>Choisissez votre commune…</source>
        <translation>Choose your commune…</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/key_dialogs.py" line="215"/>
        <source>Votre clé</source>
        <translation>Your key</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/key_dialogs.py" line="227"/>
        <location filename="../../qpvdesk/views/package/key_dialogs.py" line="230"/>
        <source>Commune :</source>
        <translation>Commune:</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/key_dialogs.py" line="232"/>
        <source>Identifiant :</source>
        <translation>ID:</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/key_dialogs.py" line="233"/>
        <source>Phrase secrète :</source>
        <translation>Passphrase:</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/key_dialogs.py" line="234"/>
        <source>Dossier :</source>
        <translation>Folder:</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/key_dialogs.py" line="239"/>
        <source>Créer ma clé</source>
        <translation>Create my key</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/key_dialogs.py" line="240"/>
        <source>Exporter ma clé publique…</source>
        <translation>Export my public key…</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/key_dialogs.py" line="241"/>
        <source>Sauvegarder ma clé secrète…</source>
        <translation>Back up my secret key…</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/key_dialogs.py" line="242"/>
        <source>Restaurer une clé…</source>
        <translation>Restore a key…</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/key_dialogs.py" line="244"/>
        <source>À envoyer à l&apos;agglomération : elle lui permet de vérifier vos paquets.</source>
        <translation>To send to the agglomeration: it lets them verify your packages.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/key_dialogs.py" line="247"/>
        <source>Qui détient ce fichier et sa phrase secrète peut signer au nom de la commune : gardez la sauvegarde sur une clé USB rangée en lieu sûr.</source>
        <translation>Whoever holds this file and its passphrase can sign on behalf of the commune: keep the backup on a USB stick stored in a safe place.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/key_dialogs.py" line="267"/>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/key_dialogs.py" line="296"/>
        <source>aucune clé pour l&apos;instant</source>
        <translation>no key yet</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/key_dialogs.py" line="302"/>
        <source>oui, la clé est protégée par une phrase secrète</source>
        <translation>yes, the key is protected by a passphrase</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/key_dialogs.py" line="304"/>
        <source>non : toute personne ayant accès à cet ordinateur peut signer au nom de la commune</source>
        <translation>no: anyone with access to this computer can sign on behalf of the commune</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/key_dialogs.py" line="310"/>
        <source>Choisissez d&apos;abord votre commune.</source>
        <translation>First choose your commune.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/key_dialogs.py" line="314"/>
        <source>Votre commune n&apos;a pas encore de clé sur cet ordinateur. Créez-la, ou restaurez-la depuis une sauvegarde.</source>
        <translation>Your commune has no key on this computer yet. Create it, or restore it from a backup.</translation>
    </message>
</context>
<context>
    <name>KeyPage</name>
    <message>
        <location filename="../../qpvdesk/views/first_run.py" line="235"/>
        <source>Votre clé de signature</source>
        <translation>Your signing key</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/first_run.py" line="236"/>
        <source>La clé prouve à l&apos;agglomération que les paquets viennent bien de votre commune. Vous pouvez la créer maintenant ou plus tard.</source>
        <translation>The key proves to the agglomeration that the packages really come from your commune. You can create it now or later.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/first_run.py" line="240"/>
        <source>Créer ma clé maintenant</source>
        <translation>Create my key now</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/first_run.py" line="242"/>
        <source>Plus tard (menu « Ma clé de signature… », avant le premier envoi)</source>
        <translation>Later (menu “My signing key…”, before the first sending)</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/first_run.py" line="253"/>
        <source>Créer ma clé</source>
        <translation>Create my key</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/first_run.py" line="257"/>
        <source>Cliquez sur « Créer ma clé » ; vous pourrez ensuite continuer avec « Suivant ».</source>
        <translation>Click “Create my key”; you can then go on with “Next”.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/first_run.py" line="265"/>
        <source>Votre clé est prête</source>
        <translation>Your key is ready</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/first_run.py" line="270"/>
        <source>Identifiant de la clé :</source>
        <translation>Key ID:</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/first_run.py" line="282"/>
        <source>D&apos;accord. Vous pourrez créer votre clé à tout moment par le menu « Ma clé de signature… » ; qpvdesk vous la proposera aussi au premier envoi d&apos;un paquet. Vous pouvez déjà consulter les cartes et dessiner des propositions sans clé.</source>
        <translation>All right. You can create your key at any time from the menu “My signing key…”; qpvdesk will also offer it when you send your first package. You can already look at the maps and draw proposals without a key.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/first_run.py" line="343"/>
        <source>La clé de signature {of_commune} est créée.</source>
        <translation>The signing key of {commune} has been created.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/first_run.py" line="345"/>
        <source>La clé de signature {of_commune} est déjà présente sur cet ordinateur.</source>
        <translation>The signing key of {commune} is already on this computer.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/first_run.py" line="351"/>
        <source>Prochaine étape : envoyez une seule fois votre clé publique à l&apos;agglomération (menu « Ma clé de signature… », « Exporter ma clé publique… »), et dites-lui cet identifiant par téléphone pour qu&apos;elle vérifie que la clé reçue est bien la vôtre.</source>
        <translation>Next step: send your public key to the agglomeration once (menu “My signing key…”, “Export my public key…”), and tell them this identifier by telephone so that they can check that the key received is really yours.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/first_run.py" line="356"/>
        <source>Fichier de la clé publique : {path}</source>
        <translation>Public key file: {path}</translation>
    </message>
</context>
<context>
    <name>LayerPanel</name>
    <message>
        <location filename="../../qpvdesk/views/map/layer_panel.py" line="24"/>
        <source>Couches de la carte</source>
        <translation>Map layers</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/map/layer_panel.py" line="25"/>
        <source>Cochez une couche pour l&apos;afficher ; les couches du haut sont dessinées par-dessus les autres.</source>
        <translation>Tick a layer to show it; the layers at the top are drawn over the others.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/map/layer_panel.py" line="28"/>
        <source>Thème{nbsp}: {group}</source>
        <translation>Theme: {group}</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/map/layer_panel.py" line="29"/>
        <source>Monter</source>
        <translation>Move up</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/map/layer_panel.py" line="30"/>
        <source>Descendre</source>
        <translation>Move down</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/map/layer_panel.py" line="31"/>
        <source>Monter{nbsp}: dessiner « {title} » par-dessus la couche suivante (Alt+Haut)</source>
        <translation>Move up: draw “{title}” over the next layer (Alt+Up)</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/map/layer_panel.py" line="33"/>
        <source>Descendre{nbsp}: dessiner « {title} » sous la couche précédente (Alt+Bas)</source>
        <translation>Move down: draw “{title}” under the previous layer (Alt+Down)</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/map/layer_panel.py" line="35"/>
        <source>Monter la couche « {title} »</source>
        <translation>Move the layer “{title}” up</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/map/layer_panel.py" line="36"/>
        <source>Descendre la couche « {title} »</source>
        <translation>Move the layer “{title}” down</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/map/layer_panel.py" line="37"/>
        <source>Opacité</source>
        <translation>Opacity</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/map/layer_panel.py" line="38"/>
        <source>Opacité de la couche « {title} »</source>
        <translation>Opacity of the layer “{title}”</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/map/layer_panel.py" line="39"/>
        <source>{value}{nbsp}%</source>
        <translation>{value}{nbsp}%</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/map/layer_panel.py" line="40"/>
        <source>Légende de la couche « {title} »</source>
        <translation>Legend of the layer “{title}”</translation>
    </message>
</context>
<context>
    <name>LegendPanelView</name>
    <message>
        <location filename="../../qpvdesk/views/map/legend_view.py" line="56"/>
        <source>Légende de la carte thématique</source>
        <translation>Legend of the thematic map</translation>
    </message>
</context>
<context>
    <name>MainLayout</name>
    <message>
        <location filename="../../qpvdesk/views/main_layout.py" line="152"/>
        <source>Barre d&apos;outils « {title} »</source>
        <translation>“{title}” toolbar</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../qpvdesk/views/main_window.py" line="88"/>
        <source>Quartiers prioritaires de {epci}</source>
        <translation>Priority neighbourhoods of {epci}</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/main_window.py" line="149"/>
        <source>Couches</source>
        <translation>Layers</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/main_window.py" line="150"/>
        <source>Analyse thématique</source>
        <translation>Thematic analysis</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/main_window.py" line="151"/>
        <source>Carte</source>
        <translation>Map</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/main_window.py" line="154"/>
        <source>Informations</source>
        <translation>Information</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/main_window.py" line="156"/>
        <source>Propositions</source>
        <translation>Proposals</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/main_window.py" line="158"/>
        <source>Historique</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/main_window.py" line="162"/>
        <source>Les {count} quartiers prioritaires</source>
        <translation>The {count} priority neighbourhoods</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/main_window.py" line="176"/>
        <source>{count} QPV — {total} habitants (somme des populations municipales INSEE) — base de référence en lecture seule</source>
        <translation>{count} QPV — {total} inhabitants (sum of INSEE municipal populations) — read-only reference database</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/main_window.py" line="181"/>
        <source> — périmètre non fourni pour {missing} QPV (Fichier &gt; Importer les périmètres des QPV…)</source>
        <translation> — perimeter not provided for {missing} QPV (File &gt; Import the QPV perimeters…)</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/main_window.py" line="212"/>
        <source>Vue d&apos;ensemble</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/main_window.py" line="214"/>
        <source>Afficher tout le territoire (Ctrl+0)</source>
        <translation>Show the whole territory (Ctrl+0)</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/main_window.py" line="215"/>
        <source>Zoom avant</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/main_window.py" line="217"/>
        <source>Zoom arrière</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/main_window.py" line="220"/>
        <source>Fond de carte…</source>
        <translation>Basemap…</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/main_window.py" line="221"/>
        <source>Choisir un fond de carte hors ligne (fichier MBTiles)</source>
        <translation>Choose an offline basemap (MBTiles file)</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/main_window.py" line="222"/>
        <source>Retirer le fond de carte</source>
        <translation>Remove the basemap</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/main_window.py" line="224"/>
        <source>&amp;Sources et licences…</source>
        <translation>&amp;Sources and licences…</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/main_window.py" line="268"/>
        <source>Importer les &amp;périmètres des QPV…</source>
        <translation>Import the QPV &amp;perimeters…</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/main_window.py" line="270"/>
        <source>Ajouter les périmètres 2024 des QPV depuis le fichier national « QP2024 » de l&apos;ANCT (GeoJSON, GeoPackage ou Shapefile)</source>
        <translation>Add the 2024 QPV perimeters from ANCT&apos;s national “QP2024” file (GeoJSON, GeoPackage or Shapefile)</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/main_window.py" line="274"/>
        <source>Changer d&apos;&amp;agglomération…</source>
        <translation>Change &amp;agglomeration…</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/main_window.py" line="286"/>
        <source>&amp;Panneaux</source>
        <translation>&amp;Panels</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/main_window.py" line="288"/>
        <source>&amp;Légende sur la carte</source>
        <translation>&amp;Legend on the map</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/main_window.py" line="289"/>
        <source>Afficher la légende de la carte thématique dans un coin de la carte</source>
        <translation>Show the thematic map&apos;s legend in a corner of the map</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/main_window.py" line="294"/>
        <source>Vue &amp;nationale…</source>
        <translation>&amp;National view…</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/main_window.py" line="295"/>
        <source>Les communes de France métropolitaine, avec les QPV de l&apos;agglomération</source>
        <translation>The communes of metropolitan France, with the agglomeration&apos;s QPV</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/main_window.py" line="298"/>
        <source>&amp;Réinitialiser la disposition</source>
        <translation>&amp;Reset the layout</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/main_window.py" line="299"/>
        <source>Remettre les panneaux et les barres d&apos;outils à leur place d&apos;origine</source>
        <translation>Put the panels and toolbars back where they were at first</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/main_window.py" line="301"/>
        <source>De&amp;ssin</source>
        <translation>Dra&amp;wing</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/main_window.py" line="306"/>
        <source>&amp;Rechercher une commune, un QPV…</source>
        <translation>&amp;Search for a commune, a QPV…</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/main_window.py" line="313"/>
        <source>Les {count} QPV et les indicateurs choisis</source>
        <translation>The {count} QPV and the chosen indicators</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/main_window.py" line="326"/>
        <source>Aid&amp;e</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/main_window.py" line="328"/>
        <source>&amp;Aide de qpvdesk…</source>
        <translation>qpvdesk &amp;Help…</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/main_window.py" line="330"/>
        <source>&amp;Raccourcis clavier…</source>
        <translation>&amp;Keyboard shortcuts…</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/main_window.py" line="499"/>
        <source>Tableau des indicateurs</source>
        <translation>Indicator table</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/main_window.py" line="514"/>
        <source>Graphiques</source>
        <translation>Charts</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/main_window.py" line="545"/>
        <source>Portrait du territoire</source>
        <translation>Territory portrait</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/main_window.py" line="558"/>
        <source>Vue nationale</source>
        <translation>National view</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/main_window.py" line="565"/>
        <source>Choisir un fond de carte hors ligne</source>
        <translation>Choose an offline basemap</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/main_window.py" line="566"/>
        <source>Fonds de carte MBTiles (*.mbtiles);;Tous les fichiers (*)</source>
        <translation>MBTiles basemaps (*.mbtiles);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/main_window.py" line="225"/>
        <source>Navigation</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/main_window.py" line="172"/>
        <source>{count} QPV — {total} habitants (somme des populations municipales INSEE, y compris les parties hors CALL des {straddling} QPV à cheval sur ses limites) — base de référence en lecture seule</source>
        <translation>{count} QPV — {total} inhabitants (sum of the INSEE municipal populations, including the parts outside the CALL of the {straddling} QPV straddling its boundary) — read-only reference database</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/main_window.py" line="234"/>
        <source>Dessin</source>
        <translation>Drawing</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/main_window.py" line="254"/>
        <source>&amp;Fichier</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/main_window.py" line="258"/>
        <source>&amp;Importer des propositions…</source>
        <translation>&amp;Import proposals…</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/main_window.py" line="261"/>
        <source>E&amp;xporter mes propositions…</source>
        <translation>E&amp;xport my proposals…</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/main_window.py" line="277"/>
        <source>&amp;Quitter</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/main_window.py" line="279"/>
        <source>É&amp;dition</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/main_window.py" line="282"/>
        <source>&amp;Affichage</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/main_window.py" line="310"/>
        <source>A&amp;nalyse</source>
        <translation>A&amp;nalysis</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/main_window.py" line="312"/>
        <source>&amp;Tableau des indicateurs…</source>
        <translation>Indicator &amp;table…</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/main_window.py" line="316"/>
        <source>&amp;Graphiques…</source>
        <translation>&amp;Charts…</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/main_window.py" line="317"/>
        <source>Évolutions, comparaison des QPV, dynamique des écarts</source>
        <translation>Trends, QPV comparison, gap dynamics</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/main_window.py" line="319"/>
        <source>&amp;Portrait du territoire…</source>
        <translation>Territory &amp;portrait…</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/main_window.py" line="320"/>
        <source>Les chiffres clés de l&apos;agglomération</source>
        <translation>Key figures of the agglomeration</translation>
    </message>
</context>
<context>
    <name>MapCanvas</name>
    <message>
        <location filename="../../qpvdesk/views/map/canvas.py" line="30"/>
        <source>Une partie de la carte n&apos;a pas pu être dessinée ({parts} : {details}) ; le reste de la carte est à jour. Si cela se reproduit, signalez-le à l&apos;agglomération.</source>
        <translation>Part of the map could not be drawn ({parts}: {details}); the rest of the map is up to date. If this happens again, tell the agglomeration.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/map/canvas.py" line="34"/>
        <source>La carte n&apos;a pas pu être redessinée ({details}) ; l&apos;image précédente reste affichée. Si cela se reproduit, signalez-le à l&apos;agglomération.</source>
        <translation>The map could not be redrawn ({details}); the previous picture stays on screen. If this happens again, tell the agglomeration.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/map/canvas.py" line="135"/>
        <source>Carte du territoire</source>
        <translation>Map of the territory</translation>
    </message>
</context>
<context>
    <name>MapController</name>
    <message>
        <location filename="../../qpvdesk/views/map/map_controller.py" line="92"/>
        <source>Fond de carte : {name}</source>
        <translation>Basemap: {name}</translation>
    </message>
</context>
<context>
    <name>MapLegendOverlay</name>
    <message>
        <location filename="../../qpvdesk/views/map/legend_view.py" line="86"/>
        <source>Légende de la carte</source>
        <translation>Map legend</translation>
    </message>
</context>
<context>
    <name>ModelTexts</name>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="15"/>
        <source>Projet d&apos;équipement</source>
        <translation>Equipment project</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="16"/>
        <source>Quartier vécu</source>
        <translation>Lived neighbourhood</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="17"/>
        <source>Demande de modification de périmètre</source>
        <translation>Boundary change request</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="18"/>
        <source>École / périscolaire</source>
        <translation>School / after-school</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/texts.py" line="11"/>
        <source>J&apos;y vais souvent</source>
        <translation>I often go there</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/texts.py" line="12"/>
        <source>Il manque ici…</source>
        <translation>Missing here…</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/texts.py" line="13"/>
        <source>Je ne m&apos;y sens pas bien</source>
        <translation>I don&apos;t feel good there</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/texts.py" line="14"/>
        <source>École</source>
        <translation>School</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/texts.py" line="16"/>
        <location filename="../../qpvdesk/views/model_texts.py" line="19"/>
        <source>Santé</source>
        <translation>Health</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/texts.py" line="17"/>
        <location filename="../../qpvdesk/views/model_texts.py" line="20"/>
        <source>Sport</source>
        <translation>Sport</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/texts.py" line="18"/>
        <source>Transport</source>
        <translation>Transport</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/texts.py" line="19"/>
        <source>Parc</source>
        <translation>Park</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/texts.py" line="20"/>
        <source>Service public</source>
        <translation>Public service</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/texts.py" line="22"/>
        <source>Moins de 18 ans</source>
        <translation>Under 18</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/texts.py" line="23"/>
        <source>18 à 29 ans</source>
        <translation>18 to 29</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/texts.py" line="24"/>
        <source>30 à 44 ans</source>
        <translation>30 to 44</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/texts.py" line="25"/>
        <source>45 à 59 ans</source>
        <translation>45 to 59</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/texts.py" line="26"/>
        <source>60 à 74 ans</source>
        <translation>60 to 74</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/texts.py" line="27"/>
        <source>75 ans et plus</source>
        <translation>75 and over</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="21"/>
        <source>Culture</source>
        <translation>Culture</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="22"/>
        <source>Social et services publics</source>
        <translation>Social and public services</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/texts.py" line="15"/>
        <location filename="../../qpvdesk/views/model_texts.py" line="23"/>
        <source>Commerce</source>
        <translation>Shops</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="24"/>
        <source>Mobilité</source>
        <translation>Mobility</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="25"/>
        <source>Espace vert et nature</source>
        <translation>Green space and nature</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/texts.py" line="21"/>
        <location filename="../../qpvdesk/views/model_texts.py" line="26"/>
        <source>Autre</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="27"/>
        <source>Idée</source>
        <translation>Idea</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="28"/>
        <source>À l&apos;étude</source>
        <translation>Under study</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="29"/>
        <source>Programmé</source>
        <translation>Scheduled</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="30"/>
        <source>Financé</source>
        <translation>Funded</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="31"/>
        <source>Ateliers d&apos;habitants</source>
        <translation>Residents&apos; workshops</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="32"/>
        <source>Services municipaux</source>
        <translation>Municipal services</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="33"/>
        <source>Associations</source>
        <translation>Associations</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="34"/>
        <source>Ajout</source>
        <translation>Addition</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="35"/>
        <source>Retrait</source>
        <translation>Removal</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="37"/>
        <source>IRIS</source>
        <translation>IRIS</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="38"/>
        <source>Bassin minier UNESCO (bien inscrit, zone tampon)</source>
        <translation>UNESCO mining basin (listed property, buffer zone)</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="39"/>
        <source>Cités minières</source>
        <translation>Mining estates</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="40"/>
        <source>Terrils</source>
        <translation>Spoil heaps</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="41"/>
        <source>Communes</source>
        <translation>Communes</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="43"/>
        <location filename="../../qpvdesk/views/model_texts.py" line="110"/>
        <source>Quartiers prioritaires 2024</source>
        <translation>Priority neighbourhoods 2024</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="44"/>
        <source>Quartiers prioritaires au périmètre non fourni</source>
        <translation>Priority neighbourhoods without a perimeter</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="45"/>
        <source>QPV placé dans sa commune (périmètre non fourni)</source>
        <translation>QPV placed in its commune (perimeter not provided)</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="46"/>
        <source>Puits de mine</source>
        <translation>Mine shafts</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="47"/>
        <source>Collèges (IPS, REP/REP+)</source>
        <translation>Lower secondary schools (IPS, REP/REP+)</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="48"/>
        <source>Mes quartiers vécus</source>
        <translation>My lived neighbourhoods</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="49"/>
        <source>Mes demandes de modification de périmètre</source>
        <translation>My boundary change requests</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="51"/>
        <source>Quartiers vécus reçus des communes</source>
        <translation>Lived neighbourhoods received from the communes</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="52"/>
        <source>Demandes de périmètre reçues des communes</source>
        <translation>Boundary requests received from the communes</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="54"/>
        <source>Surfaces modifiées par l&apos;agglomération</source>
        <translation>Areas modified by the agglomeration</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="55"/>
        <source>Équipements déplacés par l&apos;agglomération</source>
        <translation>Equipment moved by the agglomeration</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="69"/>
        <source>Quartier vécu reçu</source>
        <translation>Lived neighbourhood received</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="70"/>
        <source>Demande de périmètre reçue</source>
        <translation>Boundary request received</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="72"/>
        <source>Surface modifiée par l&apos;agglomération</source>
        <translation>Area modified by the agglomeration</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="73"/>
        <source>Emplacement modifié par l&apos;agglomération</source>
        <translation>Location modified by the agglomeration</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="75"/>
        <source>Reçue</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="76"/>
        <source>Retenue</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="77"/>
        <source>Retenue avec modifications</source>
        <translation>Accepted with changes</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="78"/>
        <source>Non retenue</source>
        <translation>Not accepted</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="80"/>
        <source>Titre</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="81"/>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="82"/>
        <source>Catégorie</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="83"/>
        <source>Statut</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="84"/>
        <source>Année d&apos;horizon</source>
        <translation>Target year</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="85"/>
        <source>Quartier prioritaire (QPV)</source>
        <translation>Priority neighbourhood (QPV)</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="86"/>
        <source>Source de la connaissance</source>
        <translation>Source of knowledge</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="87"/>
        <source>Nature de la demande</source>
        <translation>Kind of request</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="88"/>
        <source>Justification</source>
        <translation>Justification</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="89"/>
        <source>Auteur</source>
        <translation>Author</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="90"/>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="91"/>
        <source>Géométrie</source>
        <translation>Geometry</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="92"/>
        <source>Surface</source>
        <translation>Area</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="93"/>
        <source>QPV concernés</source>
        <translation>QPV concerned</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="94"/>
        <source>Surface ajoutée au QPV</source>
        <translation>Area added to the QPV</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="95"/>
        <source>Surface retirée du QPV</source>
        <translation>Area removed from the QPV</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="96"/>
        <source>aucun</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="98"/>
        <source>Quartier prioritaire : {name}</source>
        <translation>Priority neighbourhood: {name}</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="99"/>
        <source>Commune : {name}</source>
        <translation>Commune: {name}</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="100"/>
        <source>IRIS : {name}</source>
        <translation>IRIS: {name}</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="101"/>
        <source>Code 2024</source>
        <translation>2024 code</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="102"/>
        <source>Code 2015 (indicateurs INSEE)</source>
        <translation>2015 code (INSEE indicators)</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="103"/>
        <source>Superficie</source>
        <translation>Area</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="104"/>
        <source>Part de sa superficie dans la CALL</source>
        <translation>Share of its area in the CALL</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="105"/>
        <source>Population (INSEE, édition {edition})</source>
        <translation>Population (INSEE, {edition} edition)</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="106"/>
        <source>Code INSEE</source>
        <translation>INSEE code</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="107"/>
        <source>Population municipale ({year})</source>
        <translation>Municipal population ({year})</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="108"/>
        <source>Densité (grille INSEE)</source>
        <translation>Density (INSEE grid)</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="109"/>
        <source>Centralité</source>
        <translation>Centrality</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="111"/>
        <source>Code IRIS</source>
        <translation>IRIS code</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="112"/>
        <source>Commune</source>
        <translation>Commune</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="113"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="114"/>
        <source>habitat</source>
        <translation>housing</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="115"/>
        <source>activité</source>
        <translation>business</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="116"/>
        <source>divers</source>
        <translation>miscellaneous</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="117"/>
        <source>commune non découpée</source>
        <translation>commune not divided</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="118"/>
        <source>Revenu disponible médian par UC ({year})</source>
        <translation>Median disposable income per consumption unit ({year})</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="119"/>
        <source>UAI</source>
        <translation>UAI</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="120"/>
        <source>Secteur</source>
        <translation>Sector</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="121"/>
        <source>IPS (rentrée {year})</source>
        <translation>Social position index (school year {year})</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="122"/>
        <source>Éducation prioritaire</source>
        <translation>Priority education</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="123"/>
        <source>non concerné (privé)</source>
        <translation>not concerned (private)</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="124"/>
        <source>SIREN</source>
        <translation>SIREN</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="125"/>
        <source>Typologie</source>
        <translation>Typology</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="126"/>
        <source>Compagnie</source>
        <translation>Company</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="127"/>
        <source>Intérêt</source>
        <translation>Interest</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="128"/>
        <source>Élément UNESCO</source>
        <translation>UNESCO component</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="129"/>
        <source>Propriétaire</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="130"/>
        <source>Concession</source>
        <translation>Concession</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="131"/>
        <source>Fosse</source>
        <translation>Pit</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="132"/>
        <source>Creusement</source>
        <translation>Sunk</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="133"/>
        <source>Fermeture</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="134"/>
        <source>Profondeur (m)</source>
        <translation>Depth (m)</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="135"/>
        <source>Surface (ha)</source>
        <translation>Area (ha)</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="136"/>
        <source>Forme</source>
        <translation>Shape</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="137"/>
        <source>Période</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="50"/>
        <source>Mes projets d&apos;équipement</source>
        <translation>My equipment projects</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="42"/>
        <source>Intercommunalité</source>
        <translation>Intercommunality</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="53"/>
        <source>Équipements proposés par les communes</source>
        <translation>Equipment proposed by the communes</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="57"/>
        <source>REP+</source>
        <translation>REP+</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="58"/>
        <source>REP</source>
        <translation>REP</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="59"/>
        <source>Hors éducation prioritaire</source>
        <translation>Outside priority education</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="60"/>
        <source>Privé sous contrat</source>
        <translation>Private under contract</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="61"/>
        <source>IPS inférieur à 80</source>
        <translation>IPS below 80</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="62"/>
        <source>IPS de 80 à 90</source>
        <translation>IPS 80 to 90</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="63"/>
        <source>IPS de 90 à 100</source>
        <translation>IPS 90 to 100</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="64"/>
        <source>IPS de 100 et plus</source>
        <translation>IPS 100 and above</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="65"/>
        <source>Périmètre QPV 2024</source>
        <translation>2024 QPV boundary</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="66"/>
        <source>Limite communale</source>
        <translation>Commune boundary</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="67"/>
        <source>Limite de l&apos;agglomération</source>
        <translation>Agglomeration boundary</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="68"/>
        <source>Limite d&apos;IRIS</source>
        <translation>IRIS boundary</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/model_texts.py" line="71"/>
        <source>Équipement proposé par une commune</source>
        <translation>Equipment proposed by a commune</translation>
    </message>
</context>
<context>
    <name>NewWorkshopDialog</name>
    <message>
        <location filename="../../qpvdesk/views/atelier/dialogs.py" line="29"/>
        <source>Nouvel atelier</source>
        <translation>New workshop</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/dialogs.py" line="36"/>
        <source>Maison de quartier, école, salle des fêtes…</source>
        <translation>Community centre, school, village hall…</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/dialogs.py" line="39"/>
        <source>Demander à chacun s&apos;il habite le quartier</source>
        <translation>Ask each person whether they live in the neighbourhood</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/dialogs.py" line="40"/>
        <source>Demander à chacun sa tranche d&apos;âge</source>
        <translation>Ask each person their age band</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/dialogs.py" line="42"/>
        <source>Quartier prioritaire</source>
        <translation>Priority neighbourhood</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/dialogs.py" line="43"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/dialogs.py" line="44"/>
        <source>Lieu</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/dialogs.py" line="45"/>
        <source>Animateur ou animatrice</source>
        <translation>Facilitator</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/dialogs.py" line="47"/>
        <source>Les participants restent anonymes : ils sont numérotés (« Participant 1, 2… ») et aucun nom n&apos;est enregistré. Les deux questions ci-dessous sont facultatives ; chacun peut ne pas répondre.</source>
        <translation>Participants stay anonymous: they are numbered (“Participant 1, 2…”) and no name is saved. The two questions below are optional; anyone may choose not to answer.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/dialogs.py" line="54"/>
        <source>Commencer l&apos;atelier</source>
        <translation>Start the workshop</translation>
    </message>
</context>
<context>
    <name>PackageMenus</name>
    <message>
        <location filename="../../qpvdesk/views/package/menus.py" line="33"/>
        <source>Mode a&amp;gglomération (recevoir les paquets des communes)</source>
        <translation>A&amp;gglomeration mode (receive the communes&apos; packages)</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/menus.py" line="36"/>
        <source>Affiche le menu Agglomération : vérifier et consolider les paquets reçus</source>
        <translation>Shows the Agglomeration menu: verify and consolidate received packages</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/menus.py" line="43"/>
        <source>&amp;Paquets</source>
        <translation>&amp;Packages</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/menus.py" line="51"/>
        <source>A&amp;gglomération</source>
        <translation>A&amp;gglomeration</translation>
    </message>
</context>
<context>
    <name>PackagePreviewBar</name>
    <message>
        <location filename="../../qpvdesk/views/package/preview_bar.py" line="23"/>
        <source>Aperçu du paquet sur la carte</source>
        <translation>Package preview on the map</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/preview_bar.py" line="26"/>
        <source>Revenir à la vérification</source>
        <translation>Back to the verification</translation>
    </message>
</context>
<context>
    <name>PackageWrittenDialog</name>
    <message>
        <location filename="../../qpvdesk/views/package/commune_actions.py" line="93"/>
        <source>Paquet prêt à envoyer</source>
        <translation>Package ready to send</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/commune_actions.py" line="96"/>
        <source>&lt;b&gt;Le paquet signé est prêt.&lt;/b&gt;</source>
        <translation>&lt;b&gt;The signed package is ready.&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/commune_actions.py" line="98"/>
        <source>{proposals} {of_commune}, signées le {date} avec la clé {key_id}.</source>
        <translation>{proposals} {of_commune}, signed on {date} with the key {key_id}.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/commune_actions.py" line="105"/>
        <source>Fichier : &lt;b&gt;{file}&lt;/b&gt;&lt;br&gt;Dossier : {folder}</source>
        <translation>File: &lt;b&gt;{file}&lt;/b&gt;&lt;br&gt;Folder: {folder}</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/commune_actions.py" line="111"/>
        <source>Envoyez ce fichier à l&apos;agglomération. « Envoyer par e-mail » prépare le message et ouvre le dossier du paquet : il vous reste à joindre le fichier au message (glissez-le dans la fenêtre du message).</source>
        <translation>Send this file to the agglomeration. “Send by e-mail” prepares the message and opens the package&apos;s folder: you then only need to attach the file to the message (drag it into the message window).</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/commune_actions.py" line="117"/>
        <source>Envoyer par e-mail</source>
        <translation>Send by e-mail</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/commune_actions.py" line="119"/>
        <source>Afficher dans le dossier</source>
        <translation>Show in folder</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/commune_actions.py" line="121"/>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>PaperMapDialog</name>
    <message>
        <location filename="../../qpvdesk/views/atelier/dialogs.py" line="110"/>
        <source>Carte papier pour un atelier</source>
        <translation>Paper map for a workshop</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/dialogs.py" line="113"/>
        <source>A3 (conseillé)</source>
        <translation>A3 (recommended)</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/dialogs.py" line="114"/>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/dialogs.py" line="116"/>
        <source>Quartier prioritaire</source>
        <translation>Priority neighbourhood</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/dialogs.py" line="117"/>
        <source>Format</source>
        <translation>Paper size</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/dialogs.py" line="119"/>
        <source>Une carte du quartier et de ses abords à une échelle fixe, avec un quadrillage (colonnes A, B, C…, lignes 1, 2, 3…), sans les rues : chacun y dessine son quartier, puis l&apos;animateur reporte chaque feuille dans l&apos;atelier comme un participant. Imprimez-la à 100 %.</source>
        <translation>A map of the neighbourhood and its surroundings at a fixed scale, with a grid (columns A, B, C…, rows 1, 2, 3…), without streets: each person draws their neighbourhood on it, then the facilitator enters each sheet into the workshop as a participant. Print it at 100 %.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/dialogs.py" line="127"/>
        <source>Enregistrer le PDF…</source>
        <translation>Save the PDF…</translation>
    </message>
</context>
<context>
    <name>ParticipantSteps</name>
    <message>
        <location filename="../../qpvdesk/views/atelier/participant_steps.py" line="39"/>
        <source>Atelier repris : c&apos;est toujours au tour du participant {number}.</source>
        <translation>Workshop resumed: it is still participant {number}&apos;s turn.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/participant_steps.py" line="52"/>
        <source>Habitez-vous le quartier ?</source>
        <translation>Do you live in the neighbourhood?</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/participant_steps.py" line="53"/>
        <source>Oui</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/participant_steps.py" line="54"/>
        <source>Non</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/participant_steps.py" line="55"/>
        <location filename="../../qpvdesk/views/atelier/participant_steps.py" line="68"/>
        <source>Je préfère ne pas répondre</source>
        <translation>I&apos;d rather not say</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/participant_steps.py" line="71"/>
        <source>Quel âge avez-vous ?</source>
        <translation>How old are you?</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/participant_steps.py" line="75"/>
        <location filename="../../qpvdesk/views/atelier/participant_steps.py" line="93"/>
        <source>Participant {number}</source>
        <translation>Participant {number}</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/participant_steps.py" line="88"/>
        <source>Bienvenue ! Personne ne voit votre nom : vous êtes le participant {number}.</source>
        <translation>Welcome! Nobody sees your name: you are participant {number}.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/participant_steps.py" line="111"/>
        <source>À vous !</source>
        <translation>Your turn!</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/participant_steps.py" line="112"/>
        <source>Dessinez votre quartier tel que vous le vivez, puis ajoutez les lieux qui comptent pour vous. Faites glisser la carte pour la déplacer.</source>
        <translation>Draw your neighbourhood as you live it, then add the places that matter to you. Drag the map to move it.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/participant_steps.py" line="114"/>
        <source>Dessiner mon quartier</source>
        <translation>Draw my neighbourhood</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/participant_steps.py" line="115"/>
        <source>Ajouter un lieu</source>
        <translation>Add a place</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/participant_steps.py" line="116"/>
        <source>Annuler mon dernier ajout</source>
        <translation>Undo my last addition</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/participant_steps.py" line="118"/>
        <source>Participant suivant</source>
        <translation>Next participant</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/participant_steps.py" line="123"/>
        <source>Dessinez votre quartier</source>
        <translation>Draw your neighbourhood</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/participant_steps.py" line="124"/>
        <source>Touchez les coins de votre quartier un par un, ou suivez son contour avec le doigt ou la souris. Touchez le premier point pour fermer, ou « J&apos;ai fini ». Pour déplacer la carte : deux doigts, ou le bouton droit de la souris.</source>
        <translation>Touch the corners of your neighbourhood one by one, or follow its outline with your finger or the mouse. Touch the first point to close it, or “I&apos;m done”. To move the map: two fingers, or the right mouse button.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/participant_steps.py" line="127"/>
        <source>J&apos;ai fini</source>
        <translation>I&apos;m done</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/participant_steps.py" line="129"/>
        <source>Annuler le dernier point</source>
        <translation>Undo the last point</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/participant_steps.py" line="130"/>
        <source>Abandonner ce dessin</source>
        <translation>Give up this drawing</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/participant_steps.py" line="139"/>
        <source>Il faut au moins trois points pour entourer votre quartier.</source>
        <translation>It takes at least three points to outline your neighbourhood.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/participant_steps.py" line="154"/>
        <source>Votre dessin se croise</source>
        <translation>Your drawing crosses itself</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/participant_steps.py" line="155"/>
        <source>Le contour passe deux fois au même endroit. Vous pouvez le recommencer, ou garder la forme entourée en bleu.</source>
        <translation>The outline goes over the same place twice. You can draw it again, or keep the shape outlined in blue.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/participant_steps.py" line="157"/>
        <source>Recommencer le dessin</source>
        <translation>Draw it again</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/participant_steps.py" line="158"/>
        <source>Garder la forme en bleu</source>
        <translation>Keep the blue shape</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/participant_steps.py" line="161"/>
        <source>Ce dessin n&apos;entoure pas de surface : recommencez en touchant au moins trois coins.</source>
        <translation>This drawing encloses no area: start again, touching at least three corners.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/participant_steps.py" line="177"/>
        <source>Votre quartier est enregistré. Ajoutez des lieux, ou passez au participant suivant.</source>
        <translation>Your neighbourhood is saved. Add places, or go on to the next participant.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/participant_steps.py" line="185"/>
        <location filename="../../qpvdesk/views/atelier/participant_steps.py" line="196"/>
        <location filename="../../qpvdesk/views/atelier/participant_steps.py" line="205"/>
        <source>Retour</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/participant_steps.py" line="186"/>
        <source>Quel lieu voulez-vous ajouter ?</source>
        <translation>Which place do you want to add?</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/participant_steps.py" line="192"/>
        <source>Où allez-vous souvent ?</source>
        <translation>Where do you often go?</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/participant_steps.py" line="193"/>
        <source>Qu&apos;est-ce qui manque ici ?</source>
        <translation>What is missing here?</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/participant_steps.py" line="204"/>
        <source>Touchez la carte à l&apos;endroit du lieu.</source>
        <translation>Touch the map where the place is.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/participant_steps.py" line="214"/>
        <source>Lieu ajouté : {place}.</source>
        <translation>Place added: {place}.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/participant_steps.py" line="223"/>
        <source>votre dessin</source>
        <translation>your drawing</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/participant_steps.py" line="225"/>
        <source>Annulé : {what}.</source>
        <translation>Undone: {what}.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/participant_steps.py" line="232"/>
        <source>Le participant {number} n&apos;a rien ajouté</source>
        <translation>Participant {number} has added nothing</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/participant_steps.py" line="233"/>
        <source>Passer quand même au participant suivant ?</source>
        <translation>Go on to the next participant anyway?</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/participant_steps.py" line="234"/>
        <source>Oui, participant suivant</source>
        <translation>Yes, next participant</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/participant_steps.py" line="235"/>
        <source>Non, revenir</source>
        <translation>No, go back</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/participant_steps.py" line="244"/>
        <source>Enregistrement impossible</source>
        <translation>Cannot save</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../qpvdesk/views/package/key_dialogs.py" line="149"/>
        <source>Phrase secrète</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/key_dialogs.py" line="153"/>
        <source>Saisissez la phrase secrète de la clé de signature {of_commune}.</source>
        <translation>Enter the passphrase of the signing key {of_commune}.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/key_dialogs.py" line="164"/>
        <source>Valider</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>PortraitView</name>
    <message>
        <location filename="../../qpvdesk/views/portrait_view.py" line="28"/>
        <source>Documents PDF (*.pdf)</source>
        <extracomment>(suffix, file-dialog filter, what the messages call the file)</extracomment>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/portrait_view.py" line="30"/>
        <source>Documents Word (*.docx)</source>
        <translation>Word documents (*.docx)</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/portrait_view.py" line="76"/>
        <source>Portrait du territoire</source>
        <translation>Territory portrait</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/portrait_view.py" line="87"/>
        <source>Exporter en PDF…</source>
        <translation>Export to PDF…</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/portrait_view.py" line="88"/>
        <source>Exporter en Word (DOCX)…</source>
        <translation>Export to Word (DOCX)…</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/portrait_view.py" line="95"/>
        <source>Ouvrir le dossier</source>
        <translation>Open the folder</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/portrait_view.py" line="110"/>
        <source>Parties du portrait</source>
        <translation>Parts of the portrait</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/portrait_view.py" line="111"/>
        <source>Début</source>
        <translation>Home</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/portrait_view.py" line="154"/>
        <source>Exporter le portrait en PDF</source>
        <translation>Export the portrait to PDF</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/portrait_view.py" line="155"/>
        <source>Exporter le portrait en Word</source>
        <translation>Export the portrait to Word</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/portrait_view.py" line="173"/>
        <source>Écriture de {path}…</source>
        <translation>Writing {path}…</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/portrait_view.py" line="179"/>
        <source>Portrait enregistré : {line}</source>
        <translation>Portrait saved: {line}</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/portrait_view.py" line="184"/>
        <source>Aucun fichier n&apos;a été écrit.</source>
        <translation>No file was written.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/portrait_view.py" line="192"/>
        <source>Exporter le portrait</source>
        <translation>Export the portrait</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/portrait_view.py" line="193"/>
        <source>{error}
Aucun fichier n&apos;a été écrit.</source>
        <translation>{error}
No file was written.</translation>
    </message>
</context>
<context>
    <name>PostgisActions</name>
    <message>
        <location filename="../../qpvdesk/views/package/postgis_actions.py" line="53"/>
        <source>Publier dans PostGIS…</source>
        <translation>Publish to PostGIS…</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/postgis_actions.py" line="55"/>
        <source>Écrire les propositions consolidées, leur provenance et les décisions dans la base PostgreSQL + PostGIS de l&apos;agglomération</source>
        <translation>Write the consolidated proposals, their provenance and the decisions to the agglomeration&apos;s PostgreSQL + PostGIS database</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/postgis_actions.py" line="58"/>
        <source>Récupérer depuis PostGIS…</source>
        <translation>Pull from PostGIS…</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/postgis_actions.py" line="60"/>
        <source>Ajouter à cet espace de travail les paquets et les décisions publiés par vos collègues</source>
        <translation>Add the packages and decisions your colleagues published to this workspace</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/postgis_actions.py" line="80"/>
        <source>Publier dans PostGIS</source>
        <translation>Publish to PostGIS</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/postgis_actions.py" line="81"/>
        <source>Récupérer depuis PostGIS</source>
        <translation>Pull from PostGIS</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/postgis_actions.py" line="85"/>
        <source>Les propositions reçues des communes, leur provenance (paquet, clé, commune, date de réception) et les décisions de l&apos;agglomération sont écrites dans le schéma « qpvdesk » de la base PostgreSQL + PostGIS, en une seule fois : tout ou rien. Les couches s&apos;ouvrent dans QGIS avec leurs styles.</source>
        <translation>The proposals received from the communes, their provenance (package, key, commune, date received) and the agglomeration&apos;s decisions are written to the “qpvdesk” schema of the PostgreSQL + PostGIS database in one go: all or nothing. The layers open styled in QGIS.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/postgis_actions.py" line="90"/>
        <source>Les paquets reçus et les décisions prises par vos collègues, publiés dans la base, sont ajoutés à cet espace de travail en une seule fois. Rien n&apos;y est effacé ni remplacé.</source>
        <translation>The packages received and the decisions taken by your colleagues, published in the database, are added to this workspace in one go. Nothing in it is deleted or replaced.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/postgis_actions.py" line="104"/>
        <source>Publier</source>
        <translation>Publish</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/postgis_actions.py" line="104"/>
        <source>Récupérer</source>
        <translation>Pull</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/postgis_actions.py" line="123"/>
        <source>Publication dans PostGIS en cours…</source>
        <translation>Publishing to PostGIS…</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/postgis_actions.py" line="124"/>
        <source>Récupération depuis PostGIS en cours…</source>
        <translation>Pulling from PostGIS…</translation>
    </message>
</context>
<context>
    <name>PostgisConnectionDialog</name>
    <message>
        <location filename="../../qpvdesk/views/package/postgis_dialog.py" line="32"/>
        <source>Service PostgreSQL (fichier pg_service.conf)</source>
        <translation>PostgreSQL service (pg_service.conf file)</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/postgis_dialog.py" line="34"/>
        <source>Serveur</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/postgis_dialog.py" line="41"/>
        <source>nom ou adresse du serveur</source>
        <translation>server name or address</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/postgis_dialog.py" line="51"/>
        <source>vide : celui de ~/.pgpass</source>
        <translation>empty: the one in ~/.pgpass</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/postgis_dialog.py" line="55"/>
        <source>Nom du service :</source>
        <translation>Service name:</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/postgis_dialog.py" line="57"/>
        <source>Serveur :</source>
        <translation>Server:</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/postgis_dialog.py" line="58"/>
        <source>Port :</source>
        <translation>Port:</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/postgis_dialog.py" line="59"/>
        <source>Base de données :</source>
        <translation>Database:</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/postgis_dialog.py" line="60"/>
        <source>Utilisateur :</source>
        <translation>User:</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/postgis_dialog.py" line="61"/>
        <source>Mot de passe :</source>
        <translation>Password:</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/postgis_dialog.py" line="63"/>
        <source>Le mot de passe sert à cette connexion seulement : il n&apos;est jamais enregistré. La connexion, elle, est retenue pour la prochaine fois.</source>
        <translation>The password is used for this connection only: it is never saved. The connection itself is remembered for next time.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/postgis_dialog.py" line="72"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ProposalController</name>
    <message>
        <location filename="../../qpvdesk/views/proposals/controller.py" line="71"/>
        <source>Naviguer</source>
        <translation>Navigate</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/controller.py" line="71"/>
        <source>Déplacer la carte et identifier (Échap)</source>
        <translation>Move the map and identify (Esc)</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/controller.py" line="74"/>
        <source>Dessiner : {kind}</source>
        <translation>Draw: {kind}</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/controller.py" line="81"/>
        <source>Modifier</source>
        <translation>Edit shapes</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/controller.py" line="82"/>
        <source>Sélectionner, déplacer, modifier les sommets (double-clic : ajouter un sommet)</source>
        <translation>Select, move, edit vertices (double-click: add a vertex)</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/controller.py" line="84"/>
        <source>Accrochage</source>
        <translation>Snapping</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/controller.py" line="85"/>
        <source>Accrocher aux sommets et aux limites (QPV, communes, IRIS, propositions)</source>
        <translation>Snap to vertices and boundaries (QPV, communes, IRIS, proposals)</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/controller.py" line="88"/>
        <source>Annuler</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/controller.py" line="91"/>
        <source>Rétablir</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/controller.py" line="135"/>
        <source>Cliquez pour placer le point.</source>
        <translation>Click to place the point.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/controller.py" line="136"/>
        <source>Cliquez les sommets ; Entrée ou double-clic pour finir, Retour arrière pour effacer le dernier, Échap pour abandonner.</source>
        <translation>Click the vertices; Enter or double-click to finish, Backspace to erase the last one, Esc to abandon.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/controller.py" line="146"/>
        <source>Forme inachevée</source>
        <translation>Unfinished shape</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/controller.py" line="147"/>
        <source>Une forme « {kind} » n&apos;a pas été terminée lors de la dernière séance ({vertices}). Voulez-vous la reprendre ?</source>
        <translation>A “{kind}” shape was not finished during the last session ({vertices}). Do you want to resume it?</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/controller.py" line="150"/>
        <source>1 sommet</source>
        <translation>1 vertex</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/controller.py" line="151"/>
        <source>{count} sommets</source>
        <translation>{count} vertices</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/controller.py" line="159"/>
        <source>Abandonner la forme ?</source>
        <translation>Abandon the shape?</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/controller.py" line="160"/>
        <source>Abandonner la forme en cours de dessin ?</source>
        <translation>Abandon the shape being drawn?</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/controller.py" line="175"/>
        <source>Point non enregistré : aucun projet d&apos;équipement n&apos;a été ajouté. Choisissez « Projet d&apos;équipement » pour en placer un.</source>
        <translation>Point not saved: no equipment project was added. Choose “Equipment project” to place one.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/controller.py" line="180"/>
        <source>Forme conservée : terminez-la ou appuyez sur Échap.</source>
        <translation>Shape kept: finish it or press Esc.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/controller.py" line="203"/>
        <source>Proposition supprimée (Ctrl+Z pour annuler).</source>
        <translation>Proposal deleted (Ctrl+Z to undo).</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/controller.py" line="207"/>
        <source>Annulé : {description}</source>
        <translation>Undone: {description}</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/controller.py" line="208"/>
        <source>Rien à annuler.</source>
        <translation>Nothing to undo.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/controller.py" line="212"/>
        <source>Rétabli : {description}</source>
        <translation>Redone: {description}</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/controller.py" line="213"/>
        <source>Rien à rétablir.</source>
        <translation>Nothing to redo.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/controller.py" line="246"/>
        <source>Cette proposition est masquée par les filtres du panneau Propositions.</source>
        <translation>This proposal is hidden by the filters of the Proposals panel.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/controller.py" line="254"/>
        <source>Importer des propositions</source>
        <translation>Import proposals</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/controller.py" line="255"/>
        <source>Données géographiques (*.geojson *.json *.gpkg *.kml *.shp);;Tous les fichiers (*)</source>
        <translation>Geographic data (*.geojson *.json *.gpkg *.kml *.shp);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/controller.py" line="264"/>
        <source>Import refusé</source>
        <translation>Import refused</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/controller.py" line="267"/>
        <source>Rapport d&apos;import</source>
        <translation>Import report</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/controller.py" line="277"/>
        <source>Exporter mes propositions</source>
        <translation>Export my proposals</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/controller.py" line="278"/>
        <source>GeoPackage (*.gpkg);;GeoJSON (*.geojson);;CSV pour Excel (*.csv)</source>
        <translation>GeoPackage (*.gpkg);;GeoJSON (*.geojson);;CSV for Excel (*.csv)</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/controller.py" line="286"/>
        <source>Export impossible</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/controller.py" line="288"/>
        <source>Propositions exportées : {written}</source>
        <translation>Proposals exported: {written}</translation>
    </message>
</context>
<context>
    <name>ProposalForm</name>
    <message>
        <location filename="../../qpvdesk/views/proposals/proposal_form.py" line="35"/>
        <source>Nom court, par exemple « Maison de santé du quartier »</source>
        <translation>Short name, for example “Neighbourhood health centre”</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/proposal_form.py" line="37"/>
        <source>Ce que le projet apporte aux habitants</source>
        <translation>What the project brings to the residents</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/proposal_form.py" line="38"/>
        <source>Pourquoi ce secteur doit entrer dans le QPV ou en sortir</source>
        <translation>Why this area should enter or leave the QPV</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/proposal_form.py" line="40"/>
        <source>Votre nom et votre service</source>
        <translation>Your name and your department</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/proposal_form.py" line="41"/>
        <source>Courriel ou téléphone</source>
        <translation>E-mail or phone</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/proposal_form.py" line="46"/>
        <source>Nom court, par exemple « Centre-ville et marché »</source>
        <translation>Short name, for example “Town centre and market”</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/proposal_form.py" line="48"/>
        <source>Ce que les habitants y fréquentent&#xa0;: écoles, commerces, transports…</source>
        <translation>What residents go there for: schools, shops, transport…</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/proposal_form.py" line="53"/>
        <source>Nom court, par exemple « Résidence des Tilleuls »</source>
        <translation>Short name, for example “Résidence des Tilleuls”</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/proposal_form.py" line="55"/>
        <source>Précisions utiles (logements, équipements concernés…)</source>
        <translation>Useful details (housing, facilities concerned…)</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/proposal_form.py" line="59"/>
        <source>— Choisir —</source>
        <translation>— Choose —</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/proposal_form.py" line="60"/>
        <source>Non précisée</source>
        <translation>Not specified</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/proposal_form.py" line="102"/>
        <source>Modifier « {label} »</source>
        <translation>Edit “{label}”</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/proposal_form.py" line="115"/>
        <source>&lt;b&gt;{kind}&lt;/b&gt; — les champs marqués d&apos;un astérisque (*) sont obligatoires.</source>
        <translation>&lt;b&gt;{kind}&lt;/b&gt; — fields marked with an asterisk (*) are required.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/proposal_form.py" line="160"/>
        <source>Enregistrer</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/proposal_form.py" line="163"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/proposal_form.py" line="170"/>
        <source>{label}&#xa0;:</source>
        <translation>{label}:</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/proposal_form.py" line="194"/>
        <source>— Aucun —</source>
        <translation>— None —</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/proposal_form.py" line="216"/>
        <source>Décision de l&apos;agglomération</source>
        <translation>Agglomeration&apos;s decision</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/proposal_form.py" line="220"/>
        <source>Décision</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/proposal_form.py" line="221"/>
        <source>Motif</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/proposal_form.py" line="222"/>
        <source>Décidé par</source>
        <translation>Decided by</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/proposal_form.py" line="223"/>
        <source>Décidé le</source>
        <translation>Decided on</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/proposal_form.py" line="225"/>
        <source>nouvel emplacement, sur la carte (carré bleu)</source>
        <translation>new location, on the map (blue square)</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/proposal_form.py" line="227"/>
        <source>{area}&#xa0;ha, sur la carte (contour bleu foncé)</source>
        <translation>{area}&#xa0;ha, on the map (dark blue outline)</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/proposal_form.py" line="229"/>
        <source>Géométrie modifiée</source>
        <translation>Modified geometry</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/proposal_form.py" line="239"/>
        <source>Caractéristiques</source>
        <translation>Characteristics</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/proposal_form.py" line="414"/>
        <source>d&apos;un seul tenant</source>
        <translation>in one piece</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/proposal_form.py" line="415"/>
        <source>en {count} parties</source>
        <translation>in {count} parts</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/proposal_form.py" line="417"/>
        <source>&lt;b&gt;Forme corrigée utilisée&lt;/b&gt; (en vert)&#xa0;: {kept}&#xa0;ha {pieces}, pour {drawn}&#xa0;ha entourés par le contour dessiné (en pointillés rouges).</source>
        <translation>&lt;b&gt;Corrected shape in use&lt;/b&gt; (green): {kept}&#xa0;ha {pieces}, for {drawn}&#xa0;ha enclosed by the drawn outline (dashed red).</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/proposal_form.py" line="421"/>
        <source>&lt;b&gt;Le contour dessiné se recoupe lui-même&lt;/b&gt; (en pointillés rouges). La forme corrigée (en vert) garde tout ce qu&apos;il entoure, {pieces}&#xa0;: {kept}&#xa0;ha, pour {drawn}&#xa0;ha dessinés.</source>
        <translation>&lt;b&gt;The drawn outline crosses itself&lt;/b&gt; (dashed red). The corrected shape (green) keeps everything it encloses, {pieces}: {kept}&#xa0;ha, for {drawn}&#xa0;ha drawn.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/proposal_form.py" line="253"/>
        <source>Utiliser la forme corrigée</source>
        <translation>Use the corrected shape</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/proposal_form.py" line="332"/>
        <source>Mesures indisponibles tant que le contour se recoupe.</source>
        <translation>Measurements unavailable while the outline crosses itself.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/proposal_form.py" line="346"/>
        <source>Choisissez le QPV et la nature de la demande pour voir la surface ajoutée ou retirée.</source>
        <translation>Choose the QPV and the kind of request to see the area added or removed.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/proposal_form.py" line="365"/>
        <source>Attention&#xa0;: {text}</source>
        <translation>Warning: {text}</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/proposal_form.py" line="368"/>
        <source>
Vous pouvez tout de même enregistrer.</source>
        <translation>
You can still save.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/proposal_form.py" line="386"/>
        <source>La proposition est hors de votre commune ({own}).</source>
        <translation>The proposal lies outside your commune ({own}).</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/proposal_form.py" line="388"/>
        <source>La proposition est hors de votre commune ({own})&#xa0;: elle se trouve à {others}.</source>
        <translation>The proposal lies outside your commune ({own}): it is in {others}.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/proposal_form.py" line="400"/>
        <source>Une correction est nécessaire avant d&apos;enregistrer&#xa0;:</source>
        <translation>One correction is needed before saving:</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/proposal_form.py" line="402"/>
        <source>{count} corrections sont nécessaires avant d&apos;enregistrer&#xa0;:</source>
        <translation>{count} corrections are needed before saving:</translation>
    </message>
</context>
<context>
    <name>ProposalListPanel</name>
    <message>
        <location filename="../../qpvdesk/views/proposals/proposal_list.py" line="24"/>
        <source>Équipement</source>
        <translation>Facility</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/proposal_list.py" line="25"/>
        <source>Quartier vécu</source>
        <translation>Lived neighbourhood</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/proposal_list.py" line="26"/>
        <source>Périmètre</source>
        <translation>Boundary</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/proposal_list.py" line="145"/>
        <source>Tous les types</source>
        <translation>All types</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/proposal_list.py" line="146"/>
        <source>Toutes les communes</source>
        <translation>All communes</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/proposal_list.py" line="149"/>
        <source>Tous les QPV</source>
        <translation>All QPV</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/proposal_list.py" line="151"/>
        <source>Tous les statuts</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/proposal_list.py" line="153"/>
        <source>Rechercher un titre, une commune, un QPV…</source>
        <translation>Search a title, a commune, a QPV…</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/proposal_list.py" line="197"/>
        <source>Zoomer</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/proposal_list.py" line="198"/>
        <source>Centrer la carte sur la proposition choisie</source>
        <translation>Centre the map on the chosen proposal</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/proposal_list.py" line="199"/>
        <source>Modifier…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/proposal_list.py" line="200"/>
        <source>Ouvrir le formulaire de la proposition choisie</source>
        <translation>Open the form of the chosen proposal</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/proposal_list.py" line="201"/>
        <source>Supprimer</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/proposal_list.py" line="202"/>
        <source>Supprimer la proposition choisie (Ctrl+Z pour annuler)</source>
        <translation>Delete the chosen proposal (Ctrl+Z to undo)</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/proposal_list.py" line="251"/>
        <source>Aucune proposition</source>
        <translation>No proposals</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/proposal_list.py" line="252"/>
        <source>{count} proposition{plural}</source>
        <translation>{count} proposal{plural}</translation>
    </message>
</context>
<context>
    <name>QpvComparisonChart</name>
    <message>
        <location filename="../../qpvdesk/views/charts/charts.py" line="257"/>
        <source>{label} — les {count} quartiers, édition {edition}</source>
        <translation>{label} — the {count} neighbourhoods, edition {edition}</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/charts/charts.py" line="286"/>
        <source> CALL&#xa0;: {figure} ({edition}) </source>
        <translation> CALL: {figure} ({edition}) </translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/charts/charts.py" line="293"/>
        <source>Sens défavorable non défini pour cet indicateur&#xa0;: les quartiers ne sont pas classés par rapport à la CALL.</source>
        <translation>Unfavourable direction not defined for this indicator: the neighbourhoods are not ranked against the CALL.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/charts/charts.py" line="315"/>
        <source>quartiers</source>
        <translation>neighbourhoods</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/charts/charts.py" line="321"/>
        <source>moins favorable que la CALL {mark}</source>
        <translation>less favourable than the CALL {mark}</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/charts/charts.py" line="323"/>
        <source>plus favorable {better} ou égal {equal}</source>
        <translation>more favourable {better} or equal {equal}</translation>
    </message>
</context>
<context>
    <name>QpvListView</name>
    <message>
        <location filename="../../qpvdesk/views/qpv_list.py" line="85"/>
        <source>Liste des quartiers prioritaires</source>
        <translation>List of priority neighbourhoods</translation>
    </message>
</context>
<context>
    <name>QpvTableModel</name>
    <message>
        <location filename="../../qpvdesk/views/qpv_list.py" line="43"/>
        <source>Part de la superficie du quartier située dans la CALL : certains quartiers débordent sur une commune voisine, hors de l&apos;agglomération.</source>
        <translation>Share of the neighbourhood&apos;s area inside the CALL: some neighbourhoods spill over into a neighbouring commune outside the agglomeration.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/qpv_list.py" line="61"/>
        <source>Population municipale, INSEE base DEMO édition {population_edition}, géographie QPV 2015</source>
        <translation>Municipal population, INSEE DEMO database edition {population_edition}, 2015 QPV geography</translation>
    </message>
</context>
<context>
    <name>ReceivedDialog</name>
    <message>
        <location filename="../../qpvdesk/views/package/received_dialog.py" line="41"/>
        <source>Toutes les communes</source>
        <translation>All communes</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/received_dialog.py" line="42"/>
        <source>Toutes les décisions</source>
        <translation>All decisions</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/received_dialog.py" line="103"/>
        <source>Propositions reçues des communes</source>
        <translation>Proposals received from the communes</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/received_dialog.py" line="113"/>
        <source>Commune :</source>
        <translation>Commune:</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/received_dialog.py" line="117"/>
        <source>Décision :</source>
        <translation>Decision:</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/received_dialog.py" line="135"/>
        <source>Décider…</source>
        <translation>Decide…</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/received_dialog.py" line="136"/>
        <source>Retenir, retenir avec modifications, ne pas retenir ou mettre à l&apos;étude la proposition choisie, avec le motif.</source>
        <translation>Accept, accept with changes, not accept or put under study the chosen proposal, with the reason.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/received_dialog.py" line="139"/>
        <source>Répondre à la commune…</source>
        <translation>Respond to the commune…</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/received_dialog.py" line="140"/>
        <source>Écrire la réponse signée à la commune choisie : ses décisions, leurs motifs et une carte.</source>
        <translation>Write the signed response to the chosen commune: its decisions, their reasons and a map.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/received_dialog.py" line="147"/>
        <source>Aucune proposition reçue pour l&apos;instant. Pour en recevoir, ouvrez un paquet envoyé par une commune (menu « Ouvrir un paquet reçu… ») et acceptez-le.</source>
        <translation>No proposals received yet. To receive some, open a package sent by a commune (menu “Open a received package…”) and accept it.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/received_dialog.py" line="153"/>
        <source>Pour chaque proposition, la version la plus récente envoyée par sa commune. Une proposition absente d&apos;un paquet plus récent est conservée : seule la commune peut la retirer.</source>
        <translation>For each proposal, the most recent version sent by its commune. A proposal missing from a more recent package is kept: only the commune can withdraw it.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/received_dialog.py" line="156"/>
        <source>Propositions</source>
        <translation>Proposals</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/received_dialog.py" line="165"/>
        <source>Paquets reçus</source>
        <translation>Received packages</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/received_dialog.py" line="168"/>
        <source>Exporter en GeoPackage…</source>
        <translation>Export to GeoPackage…</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/received_dialog.py" line="169"/>
        <source>Toutes les propositions reçues (version la plus récente) dans un fichier pour QGIS.</source>
        <translation>All received proposals (most recent version) in a file for QGIS.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/received_dialog.py" line="174"/>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/received_dialog.py" line="202"/>
        <source>Lecture impossible</source>
        <translation>Cannot read</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/received_dialog.py" line="203"/>
        <source>Les propositions reçues n&apos;ont pas pu être lues ({error}).</source>
        <translation>The received proposals could not be read ({error}).</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/received_dialog.py" line="224"/>
        <source>Paquets reçus ({count})</source>
        <translation>Received packages ({count})</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/received_dialog.py" line="253"/>
        <source>Propositions ({count})</source>
        <translation>Proposals ({count})</translation>
    </message>
</context>
<context>
    <name>ReferenceActions</name>
    <message>
        <location filename="../../qpvdesk/views/reference_actions.py" line="32"/>
        <source>Importer les périmètres des QPV (fichier national de l&apos;ANCT)</source>
        <translation>Import the QPV perimeters (ANCT&apos;s national file)</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/reference_actions.py" line="48"/>
        <source>Import des périmètres depuis {file}…</source>
        <translation>Importing the perimeters from {file}…</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/reference_actions.py" line="54"/>
        <source>Périmètres importés</source>
        <translation>Perimeters imported</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/reference_actions.py" line="65"/>
        <source>La base de référence n&apos;a pas pu être modifiée ({error}) : copiez-la dans un dossier où vous pouvez écrire, ou changez d&apos;agglomération (Fichier &gt; Changer d&apos;agglomération…).</source>
        <translation>The reference database could not be changed ({error}): copy it to a folder you can write to, or change agglomeration (File &gt; Change agglomeration…).</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/reference_actions.py" line="68"/>
        <source>Import des périmètres refusé</source>
        <translation>Perimeter import refused</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/reference_actions.py" line="69"/>
        <source>{error}
La base de référence n&apos;a pas été modifiée.</source>
        <translation>{error}
The reference database was not changed.</translation>
    </message>
</context>
<context>
    <name>RespondActions</name>
    <message>
        <location filename="../../qpvdesk/views/package/respond_actions.py" line="79"/>
        <location filename="../../qpvdesk/views/package/respond_actions.py" line="92"/>
        <location filename="../../qpvdesk/views/package/respond_actions.py" line="131"/>
        <location filename="../../qpvdesk/views/package/respond_actions.py" line="146"/>
        <source>Clé de l&apos;agglomération</source>
        <translation>Agglomeration&apos;s key</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/respond_actions.py" line="94"/>
        <source>Clé de l&apos;agglomération créée</source>
        <translation>Agglomeration&apos;s key created</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/respond_actions.py" line="95"/>
        <source>Identifiant : {key}

Envoyez une fois à chaque commune sa partie publique, le fichier
{path}
(menu « Exporter la clé publique de l&apos;agglomération… »), et dites-lui cet identifiant par téléphone : elle l&apos;installera par le menu « Clé de l&apos;agglomération… ».</source>
        <translation>Identifier: {key}

Send its public part once to each commune, the file
{path}
(menu “Export the agglomeration&apos;s public key…”), and read this identifier to them on the phone: they install it with the menu “Agglomeration&apos;s key…”.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/respond_actions.py" line="108"/>
        <source>Exporter la clé publique de l&apos;agglomération</source>
        <translation>Export the agglomeration&apos;s public key</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/respond_actions.py" line="109"/>
        <source>Clé publique (*.pub)</source>
        <translation>Public key (*.pub)</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/respond_actions.py" line="116"/>
        <source>Exporter la clé publique</source>
        <translation>Export the public key</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/respond_actions.py" line="118"/>
        <source>Clé publique exportée</source>
        <translation>Public key exported</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/respond_actions.py" line="119"/>
        <source>La clé publique de l&apos;agglomération est enregistrée dans :
{written}

Envoyez ce fichier aux communes ; son identifiant, à dire au téléphone : {key}. Gardez son nom : {siren}.pub.</source>
        <translation>The agglomeration&apos;s public key is saved in:
{written}

Send this file to the communes; its identifier, to read on the phone: {key}. Keep its name: {siren}.pub.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/respond_actions.py" line="137"/>
        <source>Saisissez la phrase secrète de la clé de signature de l&apos;agglomération.</source>
        <translation>Type the passphrase of the agglomeration&apos;s signing key.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/respond_actions.py" line="144"/>
        <source>{error} Essayez encore.</source>
        <translation>{error} Try again.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/respond_actions.py" line="148"/>
        <source>Phrase secrète incorrecte</source>
        <translation>Wrong passphrase</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/respond_actions.py" line="149"/>
        <source>Après {tries} essais, la réponse n&apos;a pas été écrite.</source>
        <translation>After {tries} attempts, the response was not written.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/respond_actions.py" line="161"/>
        <source>Répondre à une commune</source>
        <translation>Respond to a commune</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/respond_actions.py" line="162"/>
        <source>Aucune proposition reçue de {commune} : il n&apos;y a rien à lui répondre.</source>
        <translation>No proposal received from {commune}: there is nothing to respond to.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/respond_actions.py" line="173"/>
        <source>Enregistrer la réponse à {commune}</source>
        <translation>Save the response to {commune}</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/respond_actions.py" line="175"/>
        <source>Réponse de l&apos;agglomération (*{suffix})</source>
        <translation>Agglomeration&apos;s response (*{suffix})</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/respond_actions.py" line="204"/>
        <source>La réponse signée à {commune} est enregistrée dans :
{target}

Envoyez ce fichier à la commune (par e-mail ou sur une clé USB) : elle l&apos;importe par le menu « Importer une réponse de l&apos;agglomération… ».</source>
        <translation>The signed response to {commune} is saved in:
{target}

Send this file to the commune (by e-mail or on a USB stick): it imports it with the menu “Import a response from the agglomeration…”.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/respond_actions.py" line="208"/>
        <source>Réponse enregistrée : {target}</source>
        <translation>Response saved: {target}</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/respond_actions.py" line="209"/>
        <source>Réponse prête à envoyer</source>
        <translation>Response ready to send</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/respond_actions.py" line="220"/>
        <source>Réponse impossible</source>
        <translation>Response impossible</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/respond_actions.py" line="221"/>
        <source>{error}
Aucune réponse n&apos;a été écrite.</source>
        <translation>{error}
No response was written.</translation>
    </message>
</context>
<context>
    <name>ResponseVerificationDialog</name>
    <message>
        <location filename="../../qpvdesk/views/package/response_dialog.py" line="38"/>
        <source>Réponse de l&apos;agglomération</source>
        <translation>Agglomeration&apos;s response</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/response_dialog.py" line="41"/>
        <source>✓  Réponse authentique et intacte</source>
        <translation>✓  Authentic and intact response</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/response_dialog.py" line="41"/>
        <source>✗  Réponse refusée</source>
        <translation>✗  Response refused</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/response_dialog.py" line="47"/>
        <source>proposition</source>
        <translation>proposal</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/response_dialog.py" line="47"/>
        <source>propositions</source>
        <translation>proposals</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/response_dialog.py" line="48"/>
        <source>Signée par la clé de l&apos;agglomération {sender} ; aucun fichier n&apos;a été modifié depuis la signature. Elle porte sur {count} {words}.</source>
        <translation>Signed by the key of the agglomeration {sender}; no file has been changed since it was signed. It covers {count} {words}.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/response_dialog.py" line="53"/>
        <source>Rien n&apos;a été importé. Ne tenez pas compte de cette réponse : demandez à l&apos;agglomération de vous la renvoyer, ou vérifiez que sa clé publique a bien été installée (menu « Clé de l&apos;agglomération… »).</source>
        <translation>Nothing was imported. Disregard this response: ask the agglomeration to send it again, or check that its public key is installed (menu “Agglomeration&apos;s key…”).</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/response_dialog.py" line="78"/>
        <source>Décisions de l&apos;agglomération ({count})</source>
        <translation>Agglomeration&apos;s decisions ({count})</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/response_dialog.py" line="100"/>
        <source>Importer la réponse</source>
        <translation>Import the response</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/response_dialog.py" line="101"/>
        <source>Enregistrer ces décisions : elles s&apos;affichent dans la liste, sur la carte et dans le formulaire de chaque proposition.</source>
        <translation>Save these decisions: they show in the list, on the map and in each proposal&apos;s form.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/response_dialog.py" line="104"/>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/response_dialog.py" line="116"/>
        <source>Importée</source>
        <translation>Imported</translation>
    </message>
</context>
<context>
    <name>ResumeWorkshopDialog</name>
    <message>
        <location filename="../../qpvdesk/views/atelier/dialogs.py" line="75"/>
        <source>Reprendre un atelier</source>
        <translation>Resume a workshop</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/dialogs.py" line="79"/>
        <source>aucun participant</source>
        <translation>no participants</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/dialogs.py" line="80"/>
        <source>1 participant</source>
        <translation>1 participant</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/dialogs.py" line="81"/>
        <source>{count} participants</source>
        <translation>{count} participants</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/dialogs.py" line="82"/>
        <source>{date} — {qpv} — {place} — {people}</source>
        <translation>{date} — {qpv} — {place} — {people}</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/dialogs.py" line="93"/>
        <source>Reprendre</source>
        <translation>Resume</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/dialogs.py" line="97"/>
        <source>Les ateliers enregistrés, le plus récent d&apos;abord :</source>
        <translation>Saved workshops, most recent first:</translation>
    </message>
</context>
<context>
    <name>RowsTableModel</name>
    <message>
        <location filename="../../qpvdesk/views/qpv_list.py" line="27"/>
        <source>Code 2024</source>
        <translation>2024 code</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/qpv_list.py" line="28"/>
        <source>Code 2015</source>
        <translation>2015 code</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/qpv_list.py" line="29"/>
        <source>Nom du quartier</source>
        <translation>Neighbourhood name</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/qpv_list.py" line="30"/>
        <location filename="../../qpvdesk/views/package/verify_dialog.py" line="174"/>
        <location filename="../../qpvdesk/views/proposals/proposal_list.py" line="63"/>
        <source>Communes</source>
        <translation>Communes</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/qpv_list.py" line="31"/>
        <source>Superficie (ha)</source>
        <translation>Area (ha)</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/qpv_list.py" line="32"/>
        <source>Part dans la CALL</source>
        <translation>Share of the CALL</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/qpv_list.py" line="33"/>
        <source>Population</source>
        <translation>Population</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/received_dialog.py" line="28"/>
        <location filename="../../qpvdesk/views/package/received_dialog.py" line="36"/>
        <location filename="../../qpvdesk/views/package/trust_dialog.py" line="33"/>
        <source>Commune</source>
        <translation>Commune</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/received_dialog.py" line="29"/>
        <location filename="../../qpvdesk/views/package/verify_dialog.py" line="171"/>
        <location filename="../../qpvdesk/views/proposals/proposal_list.py" line="60"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/received_dialog.py" line="30"/>
        <location filename="../../qpvdesk/views/package/verify_dialog.py" line="172"/>
        <location filename="../../qpvdesk/views/proposals/proposal_list.py" line="61"/>
        <source>Titre</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/received_dialog.py" line="31"/>
        <location filename="../../qpvdesk/views/package/verify_dialog.py" line="173"/>
        <location filename="../../qpvdesk/views/proposals/proposal_list.py" line="62"/>
        <source>QPV</source>
        <translation>QPV</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/received_dialog.py" line="32"/>
        <location filename="../../qpvdesk/views/package/response_dialog.py" line="17"/>
        <location filename="../../qpvdesk/views/proposals/proposal_list.py" line="66"/>
        <source>Décision</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/received_dialog.py" line="33"/>
        <location filename="../../qpvdesk/views/package/received_dialog.py" line="35"/>
        <source>Reçu le</source>
        <translation>Received on</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/received_dialog.py" line="34"/>
        <source>Paquet</source>
        <translation>Package</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/received_dialog.py" line="37"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/received_dialog.py" line="38"/>
        <source>Créé le</source>
        <translation>Created on</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/received_dialog.py" line="39"/>
        <source>Propositions</source>
        <translation>Proposals</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/received_dialog.py" line="40"/>
        <location filename="../../qpvdesk/views/package/trust_dialog.py" line="36"/>
        <source>Fichier</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/trust_dialog.py" line="34"/>
        <source>INSEE</source>
        <translation>INSEE</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/trust_dialog.py" line="35"/>
        <source>Identifiant de la clé</source>
        <translation>Key ID</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/proposal_list.py" line="64"/>
        <source>Statut</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/proposal_list.py" line="65"/>
        <source>Modifié le</source>
        <translation>Modified on</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/verify_dialog.py" line="170"/>
        <source>N°</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/response_dialog.py" line="16"/>
        <source>Proposition</source>
        <translation>Proposal</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/response_dialog.py" line="18"/>
        <source>Motif</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <location filename="../../qpvdesk/views/map/search_box.py" line="12"/>
        <source>Rechercher une commune, un QPV, un IRIS…</source>
        <translation>Search for a commune, a QPV, an IRIS…</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/map/search_box.py" line="13"/>
        <source>Rechercher un lieu sur la carte</source>
        <translation>Search for a place on the map</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/map/search_box.py" line="14"/>
        <source>Tapez quelques lettres puis choisissez une suggestion ou appuyez sur Entrée.</source>
        <translation>Type a few letters, then choose a suggestion or press Enter.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/map/search_box.py" line="16"/>
        <source>Aucun résultat pour «&#xa0;{text}&#xa0;»</source>
        <translation>No results for “{text}”</translation>
    </message>
</context>
<context>
    <name>SecondaryWindows</name>
    <message>
        <location filename="../../qpvdesk/views/window_geometry.py" line="28"/>
        <source>Fermer la fenêtre</source>
        <translation>Close the window</translation>
    </message>
</context>
<context>
    <name>ShapePreview</name>
    <message>
        <location filename="../../qpvdesk/views/proposals/shape_preview.py" line="29"/>
        <source>Aperçu du contour dessiné et de la forme corrigée</source>
        <translation>Preview of the drawn outline and of the corrected shape</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <location filename="../../qpvdesk/views/shortcuts.py" line="25"/>
        <source>Partout dans la fenêtre principale</source>
        <translation>Anywhere in the main window</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/shortcuts.py" line="30"/>
        <source>Maj</source>
        <translation>Shift</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/shortcuts.py" line="31"/>
        <source>Méta</source>
        <translation>Meta</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/shortcuts.py" line="32"/>
        <location filename="../../qpvdesk/views/shortcuts.py" line="33"/>
        <source>Suppr</source>
        <translation>Del</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/shortcuts.py" line="34"/>
        <location filename="../../qpvdesk/views/shortcuts.py" line="81"/>
        <source>Retour arrière</source>
        <translation>Backspace</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/shortcuts.py" line="35"/>
        <source>Inser</source>
        <translation>Ins</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/shortcuts.py" line="36"/>
        <location filename="../../qpvdesk/views/shortcuts.py" line="37"/>
        <location filename="../../qpvdesk/views/shortcuts.py" line="102"/>
        <source>Entrée</source>
        <translation>Enter</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/shortcuts.py" line="38"/>
        <location filename="../../qpvdesk/views/shortcuts.py" line="87"/>
        <location filename="../../qpvdesk/views/shortcuts.py" line="99"/>
        <source>Échap</source>
        <translation>Esc</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/shortcuts.py" line="39"/>
        <source>Espace</source>
        <translation>Space</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/shortcuts.py" line="40"/>
        <source>Gauche</source>
        <translation>Left</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/shortcuts.py" line="41"/>
        <source>Droite</source>
        <translation>Right</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/shortcuts.py" line="42"/>
        <source>Haut</source>
        <translation>Up</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/shortcuts.py" line="43"/>
        <source>Bas</source>
        <translation>Down</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/shortcuts.py" line="44"/>
        <source>Page préc.</source>
        <translation>PgUp</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/shortcuts.py" line="45"/>
        <source>Page suiv.</source>
        <translation>PgDown</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/shortcuts.py" line="46"/>
        <source>Début</source>
        <translation>Home</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/shortcuts.py" line="47"/>
        <source>Fin</source>
        <translation>End</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/shortcuts.py" line="48"/>
        <source>Impr. écran</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/shortcuts.py" line="58"/>
        <location filename="../../qpvdesk/views/shortcuts.py" line="61"/>
        <location filename="../../qpvdesk/views/shortcuts.py" line="64"/>
        <location filename="../../qpvdesk/views/shortcuts.py" line="67"/>
        <location filename="../../qpvdesk/views/shortcuts.py" line="70"/>
        <location filename="../../qpvdesk/views/shortcuts.py" line="73"/>
        <source>Carte</source>
        <translation>Map</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/shortcuts.py" line="59"/>
        <source>Flèches</source>
        <translation>Arrow keys</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/shortcuts.py" line="60"/>
        <source>Déplacer la carte d&apos;un quart de la fenêtre</source>
        <translation>Move the map by a quarter of the window</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/shortcuts.py" line="62"/>
        <source>+ (ou =)</source>
        <translation>+ (or =)</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/shortcuts.py" line="63"/>
        <source>Zoom avant</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/shortcuts.py" line="65"/>
        <source>-</source>
        <translation>-</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/shortcuts.py" line="66"/>
        <source>Zoom arrière</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/shortcuts.py" line="68"/>
        <location filename="../../qpvdesk/views/shortcuts.py" line="112"/>
        <source>Molette de la souris</source>
        <translation>Mouse wheel</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/shortcuts.py" line="69"/>
        <source>Zoom avant ou arrière, centré sur le pointeur</source>
        <translation>Zoom in or out, centred on the pointer</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/shortcuts.py" line="71"/>
        <source>Glisser avec le bouton gauche</source>
        <translation>Drag with the left button</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/shortcuts.py" line="72"/>
        <source>Déplacer la carte (outil « Naviguer »)</source>
        <translation>Move the map (“Navigate” tool)</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/shortcuts.py" line="74"/>
        <location filename="../../qpvdesk/views/shortcuts.py" line="78"/>
        <source>Clic</source>
        <translation>Click</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/shortcuts.py" line="75"/>
        <source>Afficher les informations de l&apos;élément cliqué (outil « Naviguer »)</source>
        <translation>Show the information of the clicked feature (“Navigate” tool)</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/shortcuts.py" line="77"/>
        <location filename="../../qpvdesk/views/shortcuts.py" line="80"/>
        <location filename="../../qpvdesk/views/shortcuts.py" line="83"/>
        <location filename="../../qpvdesk/views/shortcuts.py" line="86"/>
        <source>Dessin d&apos;une forme</source>
        <translation>Drawing a shape</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/shortcuts.py" line="79"/>
        <source>Placer un sommet (ou le point d&apos;un équipement)</source>
        <translation>Place a vertex (or the point of a facility)</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/shortcuts.py" line="82"/>
        <source>Effacer le dernier sommet placé</source>
        <translation>Remove the last vertex placed</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/shortcuts.py" line="84"/>
        <source>Entrée ou double-clic</source>
        <translation>Enter or double-click</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/shortcuts.py" line="85"/>
        <source>Terminer la forme</source>
        <translation>Finish the shape</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/shortcuts.py" line="88"/>
        <source>Abandonner la forme (qpvdesk demande confirmation)</source>
        <translation>Abandon the shape (qpvdesk asks for confirmation)</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/shortcuts.py" line="89"/>
        <location filename="../../qpvdesk/views/shortcuts.py" line="92"/>
        <location filename="../../qpvdesk/views/shortcuts.py" line="95"/>
        <location filename="../../qpvdesk/views/shortcuts.py" line="98"/>
        <source>Outil « Modifier »</source>
        <translation>“Edit” tool</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/shortcuts.py" line="90"/>
        <source>Suppr ou Retour arrière</source>
        <translation>Del or Backspace</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/shortcuts.py" line="91"/>
        <source>Supprimer le sommet sous le pointeur</source>
        <translation>Delete the vertex under the pointer</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/shortcuts.py" line="93"/>
        <source>Clic droit sur un sommet</source>
        <translation>Right-click on a vertex</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/shortcuts.py" line="94"/>
        <source>Supprimer ce sommet</source>
        <translation>Delete this vertex</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/shortcuts.py" line="96"/>
        <source>Double-clic sur un côté</source>
        <translation>Double-click on a side</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/shortcuts.py" line="97"/>
        <source>Ajouter un sommet</source>
        <translation>Add a vertex</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/shortcuts.py" line="100"/>
        <source>Désélectionner la proposition</source>
        <translation>Deselect the proposal</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/shortcuts.py" line="101"/>
        <source>Zone de recherche</source>
        <translation>Search box</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/shortcuts.py" line="103"/>
        <source>Aller au premier résultat (ou à celui choisi)</source>
        <translation>Go to the first result (or the chosen one)</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/shortcuts.py" line="104"/>
        <source>Fiche d&apos;un quartier</source>
        <translation>Neighbourhood fact sheet</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/shortcuts.py" line="105"/>
        <source>Ctrl+P</source>
        <translation>Ctrl+P</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/shortcuts.py" line="106"/>
        <source>Imprimer la fiche</source>
        <translation>Print the profile</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/shortcuts.py" line="107"/>
        <source>Fenêtre ouverte à part, boîte de dialogue</source>
        <translation>Separate window, dialog box</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/shortcuts.py" line="108"/>
        <source>Échap ou Ctrl+W</source>
        <translation>Esc or Ctrl+W</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/shortcuts.py" line="109"/>
        <source>Fermer la fenêtre (tableau, graphiques, portrait, fiche, aide…)</source>
        <translation>Close the window (table, charts, portrait, fiche, help…)</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/shortcuts.py" line="111"/>
        <source>Panneau Couches</source>
        <translation>Layers panel</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/shortcuts.py" line="113"/>
        <source>Faire défiler le panneau (un curseur d&apos;opacité suit la molette après un clic dessus)</source>
        <translation>Scroll the panel (an opacity slider follows the wheel once clicked)</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/shortcuts.py" line="151"/>
        <source> ou </source>
        <translation> or </translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/shortcuts.py" line="173"/>
        <source> (en mode agglomération)</source>
        <translation> (in agglomeration mode)</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/shortcuts.py" line="175"/>
        <source> (masqué)</source>
        <translation> (hidden)</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/shortcuts.py" line="180"/>
        <location filename="../../qpvdesk/views/shortcuts.py" line="204"/>
        <source>Barre d&apos;outils « {title} »</source>
        <translation>“{title}” toolbar</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/shortcuts.py" line="207"/>
        <source>Menu {where}</source>
        <translation>{where} menu</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../qpvdesk/views/shortcuts.py" line="241"/>
        <source>Touches</source>
        <translation>Keys</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/shortcuts.py" line="242"/>
        <source>Commande</source>
        <translation>Command</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/shortcuts.py" line="243"/>
        <source>Où la trouver</source>
        <translation>Where to find it</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/shortcuts.py" line="247"/>
        <source>Raccourcis clavier</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/shortcuts.py" line="250"/>
        <source>« Ctrl+Maj+E » veut dire : gardez les touches Ctrl et Maj (⇧) enfoncées, puis appuyez sur E. Les touches de la carte agissent quand vous avez cliqué sur la carte.</source>
        <translation>“Ctrl+Shift+E” means: hold down the Ctrl and Shift (⇧) keys, then press E. The map keys act once you have clicked on the map.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/shortcuts.py" line="256"/>
        <source>Commandes des menus</source>
        <translation>Menu commands</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/shortcuts.py" line="258"/>
        <source>Sur la carte et dans les fenêtres</source>
        <translation>On the map and in the windows</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/shortcuts.py" line="298"/>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>SourcesDialog</name>
    <message>
        <location filename="../../qpvdesk/views/sources_dialog.py" line="21"/>
        <source>Collèges (IPS, REP/REP+)</source>
        <translation>Lower secondary schools (IPS, REP/REP+)</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/sources_dialog.py" line="22"/>
        <source>Communes</source>
        <translation>Communes</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/sources_dialog.py" line="23"/>
        <source>Écoles (IPS)</source>
        <translation>Primary schools (IPS)</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/sources_dialog.py" line="24"/>
        <source>Agglomération (EPCI)</source>
        <translation>Agglomeration (EPCI)</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/sources_dialog.py" line="26"/>
        <source>Établissements du 2nd degré</source>
        <translation>Secondary schools</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/sources_dialog.py" line="27"/>
        <source>Patrimoine minier : bâtis</source>
        <translation>Mining heritage: buildings</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/sources_dialog.py" line="28"/>
        <source>Patrimoine minier : cités</source>
        <translation>Mining heritage: mining estates</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/sources_dialog.py" line="29"/>
        <source>Patrimoine minier : puits</source>
        <translation>Mining heritage: pit shafts</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/sources_dialog.py" line="30"/>
        <source>Patrimoine minier : terrils</source>
        <translation>Mining heritage: slag heaps</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/sources_dialog.py" line="31"/>
        <source>Catalogue des indicateurs</source>
        <translation>Indicator catalogue</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/sources_dialog.py" line="32"/>
        <source>Valeurs des indicateurs</source>
        <translation>Indicator values</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/sources_dialog.py" line="34"/>
        <source>Quartiers prioritaires (QPV)</source>
        <translation>Priority neighbourhoods (QPV)</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/sources_dialog.py" line="35"/>
        <source>QPV et communes</source>
        <translation>QPV and communes</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/sources_dialog.py" line="36"/>
        <source>Correspondance QPV 2015-2024</source>
        <translation>QPV 2015-2024 correspondence</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/sources_dialog.py" line="37"/>
        <source>Territoires</source>
        <translation>Territories</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/sources_dialog.py" line="38"/>
        <source>Bassin minier UNESCO : périmètres</source>
        <translation>UNESCO mining basin: boundaries</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/sources_dialog.py" line="98"/>
        <source>Données</source>
        <translation>Data</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/sources_dialog.py" line="99"/>
        <source>Fichiers sources</source>
        <translation>Source files</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/sources_dialog.py" line="100"/>
        <source>Producteur</source>
        <translation>Producer</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/sources_dialog.py" line="101"/>
        <location filename="../../qpvdesk/views/sources_dialog.py" line="106"/>
        <source>Licence</source>
        <translation>Licence</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/sources_dialog.py" line="102"/>
        <source>Millésime</source>
        <translation>Vintage</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/sources_dialog.py" line="103"/>
        <source>Origine</source>
        <translation>Origin</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/sources_dialog.py" line="104"/>
        <source>Logiciel ou format</source>
        <translation>Software or format</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/sources_dialog.py" line="105"/>
        <source>Rôle dans qpvdesk</source>
        <translation>Role in qpvdesk</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/sources_dialog.py" line="111"/>
        <source>Sources et licences</source>
        <translation>Sources and licences</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/sources_dialog.py" line="117"/>
        <source>Toutes les données de qpvdesk sont des données publiques ouvertes. Chaque table de la base de référence est construite à partir des fichiers ci-dessous, fournis avec l&apos;application. Si vous reprenez ces données, citez leur source : la mention à reproduire est donnée ci-dessous.</source>
        <translation>All qpvdesk data is open public data. Every table of the reference database is built from the files below, supplied with the application. If you reuse this data, cite its source: the notice to reproduce is given below.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/sources_dialog.py" line="132"/>
        <source>{folder}/ ({count} fichiers)</source>
        <translation>{folder}/ ({count} files)</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/sources_dialog.py" line="156"/>
        <source>Copier toutes les mentions</source>
        <translation>Copy all the notices</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/sources_dialog.py" line="157"/>
        <source>Copier les mentions de source, une par ligne, pour les coller dans un document</source>
        <translation>Copy the source notices, one per line, to paste them into a document</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/sources_dialog.py" line="164"/>
        <source>Comment citer</source>
        <translation>How to cite</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/sources_dialog.py" line="165"/>
        <source>Détail des fichiers</source>
        <translation>File details</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/sources_dialog.py" line="172"/>
        <source>Logiciels</source>
        <translation>Software</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/sources_dialog.py" line="175"/>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/sources_dialog.py" line="184"/>
        <source>Mentions copiées : collez-les (Ctrl+V) dans votre document.</source>
        <translation>Notices copied: paste them (Ctrl+V) into your document.</translation>
    </message>
</context>
<context>
    <name>SynthesisPanel</name>
    <message>
        <location filename="../../qpvdesk/views/atelier/synthesis_panel.py" line="37"/>
        <source>Synthèse de l&apos;atelier</source>
        <translation>Workshop summary</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/synthesis_panel.py" line="47"/>
        <source>Retour à l&apos;atelier</source>
        <translation>Back to the workshop</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/synthesis_panel.py" line="58"/>
        <source>Personne n&apos;a encore dessiné son quartier : la carte de l&apos;accord apparaîtra avec le premier dessin.</source>
        <translation>Nobody has drawn their neighbourhood yet: the agreement map will appear with the first drawing.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/synthesis_panel.py" line="60"/>
        <source>Créer la proposition</source>
        <translation>Create the proposal</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/synthesis_panel.py" line="69"/>
        <source>Inclure les dessins
individuels (anonymes)</source>
        <translation>Include the individual
(anonymous) drawings</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/synthesis_panel.py" line="70"/>
        <source>Sans cette case, l&apos;export ne contient que les contours d&apos;accord et les comptes.</source>
        <translation>Unticked, the export holds only the agreement outlines and the counts.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/synthesis_panel.py" line="75"/>
        <source>Exporter la synthèse…</source>
        <translation>Export the summary…</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/synthesis_panel.py" line="77"/>
        <source>Synthèse PDF…</source>
        <translation>Summary PDF…</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/synthesis_panel.py" line="82"/>
        <source>Part des participants qui ont dessiné chaque lieu :</source>
        <translation>Share of the participants who drew each place:</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/synthesis_panel.py" line="95"/>
        <source>Choisissez le contour à proposer :</source>
        <translation>Choose the outline to propose:</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/synthesis_panel.py" line="111"/>
        <source>Lieux cités (sur la carte, le chiffre dit combien de personnes) :</source>
        <translation>Places named (on the map, the number says how many people):</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/synthesis_panel.py" line="114"/>
        <source>Aucun lieu n&apos;a été placé.</source>
        <translation>No place was marked.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/synthesis_panel.py" line="116"/>
        <source>1 personne</source>
        <translation>1 person</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/synthesis_panel.py" line="117"/>
        <source>{count} personnes</source>
        <translation>{count} people</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/synthesis_panel.py" line="118"/>
        <source>1 épingle</source>
        <translation>1 pin</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/synthesis_panel.py" line="119"/>
        <source>{count} épingles</source>
        <translation>{count} pins</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/synthesis_panel.py" line="124"/>
        <source>Au moins {share} des participants
{area} ha</source>
        <translation>At least {share} of the participants
{area} ha</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/synthesis_panel.py" line="128"/>
        <source>
{share} hors du quartier prioritaire</source>
        <translation>
{share} outside the priority neighbourhood</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/synthesis_panel.py" line="135"/>
        <source>{count} participant</source>
        <translation>{count} participant</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/synthesis_panel.py" line="136"/>
        <source>{count} participants</source>
        <translation>{count} participants</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/synthesis_panel.py" line="137"/>
        <source>{count} a dessiné son quartier</source>
        <translation>{count} drew their neighbourhood</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/synthesis_panel.py" line="138"/>
        <source>{count} ont dessiné leur quartier</source>
        <translation>{count} drew their neighbourhood</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/synthesis_panel.py" line="139"/>
        <source>{count} lieu placé</source>
        <translation>{count} place pinned</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/synthesis_panel.py" line="140"/>
        <source>{count} lieux placés</source>
        <translation>{count} places pinned</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/synthesis_panel.py" line="164"/>
        <source>À ce seuil, un seul dessin suffit : ce n&apos;est pas un accord. Choisissez un seuil plus haut pour créer la proposition.</source>
        <translation>At this threshold one drawing is enough: that is not an agreement. Choose a higher threshold to create the proposal.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/synthesis_panel.py" line="175"/>
        <source>Proposition non créée</source>
        <translation>Proposal not created</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/synthesis_panel.py" line="179"/>
        <source>Proposition « {title} » créée : elle figure dans le panneau Propositions et peut être envoyée dans un paquet signé.</source>
        <translation>Proposal “{title}” created: it is in the Proposals panel and can be sent in a signed package.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/synthesis_panel.py" line="184"/>
        <source>Exporter la synthèse de l&apos;atelier</source>
        <translation>Export the workshop summary</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/synthesis_panel.py" line="186"/>
        <source>GeoJSON (*.geojson)</source>
        <translation>GeoJSON (*.geojson)</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/synthesis_panel.py" line="194"/>
        <source>Export impossible</source>
        <translation>Export impossible</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/synthesis_panel.py" line="196"/>
        <source>Synthèse exportée : {path}</source>
        <translation>Summary exported: {path}</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/synthesis_panel.py" line="201"/>
        <source>Enregistrer la synthèse PDF</source>
        <translation>Save the summary PDF</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/synthesis_panel.py" line="203"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/synthesis_panel.py" line="210"/>
        <source>PDF impossible</source>
        <translation>PDF impossible</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/synthesis_panel.py" line="212"/>
        <source>Synthèse PDF enregistrée : {path}</source>
        <translation>Summary PDF saved: {path}</translation>
    </message>
</context>
<context>
    <name>TrustDialog</name>
    <message>
        <location filename="../../qpvdesk/views/package/trust_dialog.py" line="257"/>
        <source>Clé révoquée</source>
        <translation>Revoked key</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/trust_dialog.py" line="258"/>
        <source>La clé {key} de {commune} a été révoquée ou remplacée (elle est conservée dans le dossier « {folder} »).

L&apos;importer à nouveau fera de nouveau accepter les paquets qu&apos;elle signe. Continuer ?</source>
        <translation>Key {key} of {commune} was revoked or replaced (it is kept in the “{folder}” folder).

Importing it again will make the packages it signs accepted again. Continue?</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/trust_dialog.py" line="31"/>
        <source>Clé publique minisign (*.pub);;Tous les fichiers (*)</source>
        <translation>Minisign public key (*.pub);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/trust_dialog.py" line="115"/>
        <source>Clés des communes</source>
        <translation>Commune keys</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/trust_dialog.py" line="119"/>
        <source>Un paquet de propositions n&apos;est accepté que s&apos;il est signé par la clé d&apos;une commune listée ici. Chaque commune vous envoie une seule fois sa clé publique (fichier .pub) ; vérifiez-la par téléphone avant de l&apos;importer.</source>
        <translation>A proposal package is accepted only if it is signed by the key of a commune listed here. Each commune sends you its public key (.pub file) once; check it by phone before importing it.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/trust_dialog.py" line="124"/>
        <source>Clés de confiance</source>
        <translation>Trusted keys</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/trust_dialog.py" line="131"/>
        <source>Aucune clé importée pour l&apos;instant : les paquets reçus seront refusés.</source>
        <translation>No key imported yet: received packages will be refused.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/trust_dialog.py" line="135"/>
        <source>Importer la clé publique d&apos;une commune…</source>
        <translation>Import a commune&apos;s public key…</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/trust_dialog.py" line="136"/>
        <source>Révoquer…</source>
        <translation>Revoke…</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/trust_dialog.py" line="137"/>
        <source>Ne plus accepter les paquets signés par cette clé.</source>
        <translation>Stop accepting packages signed by this key.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/trust_dialog.py" line="144"/>
        <source>Clés révoquées ou remplacées (conservées, plus acceptées)</source>
        <translation>Revoked or replaced keys (kept, no longer accepted)</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/trust_dialog.py" line="153"/>
        <source>Dossier des clés : {folder}</source>
        <translation>Keys folder: {folder}</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/trust_dialog.py" line="159"/>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/trust_dialog.py" line="269"/>
        <source>{commune} a déjà une clé de confiance ({current}).

La remplacer par la clé {new} ? L&apos;ancienne sera conservée dans le dossier « {folder} » et ne sera plus acceptée.</source>
        <translation>{commune} already has a trusted key ({current}).

Replace it with the key {new}? The old one will be kept in the “{folder}” folder and will no longer be accepted.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/trust_dialog.py" line="293"/>
        <source>Ne plus accepter les paquets signés par la clé {key} de {commune} ?

Le fichier de la clé n&apos;est pas supprimé : il est déplacé dans le dossier « {folder} ». Pour recevoir à nouveau des paquets de cette commune, importez sa nouvelle clé publique.</source>
        <translation>Stop accepting packages signed by the key {key} of {commune}?

The key file is not deleted: it is moved to the “{folder}” folder. To receive packages from this commune again, import its new public key.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/trust_dialog.py" line="209"/>
        <source>Attention :
</source>
        <translation>Warning:
</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/trust_dialog.py" line="235"/>
        <source>Clé publique d&apos;une commune</source>
        <translation>A commune&apos;s public key</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/trust_dialog.py" line="242"/>
        <source>Clé publique</source>
        <translation>Public key</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/trust_dialog.py" line="244"/>
        <location filename="../../qpvdesk/views/package/trust_dialog.py" line="279"/>
        <source>Clé refusée</source>
        <translation>Key refused</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/trust_dialog.py" line="268"/>
        <source>Remplacer la clé ?</source>
        <translation>Replace the key?</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/trust_dialog.py" line="292"/>
        <source>Révoquer la clé ?</source>
        <translation>Revoke the key?</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/trust_dialog.py" line="303"/>
        <source>Révocation impossible</source>
        <translation>Revocation failed</translation>
    </message>
</context>
<context>
    <name>TrustPage</name>
    <message>
        <location filename="../../qpvdesk/views/first_run.py" line="395"/>
        <source>Les clés des communes</source>
        <translation>The communes&apos; keys</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/first_run.py" line="396"/>
        <source>Pour vérifier qu&apos;un paquet vient bien de la commune qui l&apos;a signé.</source>
        <translation>To check that a package really comes from the commune that signed it.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/first_run.py" line="400"/>
        <source>Chaque commune possède une clé de signature. Elle l&apos;utilise pour signer les paquets de propositions qu&apos;elle vous envoie.</source>
        <translation>Each commune has a signing key. It uses it to sign the proposal packages it sends you.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/first_run.py" line="402"/>
        <source>Une fois, chaque commune vous envoie sa clé publique (un petit fichier « .pub ») et vous dicte par téléphone son identifiant, par exemple « 57A9 BAA9 A7CB 3216 ». Vous l&apos;ajoutez par le menu « Clés des communes… » en vérifiant que l&apos;identifiant affiché est le même.</source>
        <translation>Once, each commune sends you its public key (a small “.pub” file) and reads you its identifier by telephone, for example “57A9 BAA9 A7CB 3216”. You add it from the menu “Communes&apos; keys…”, checking that the identifier shown is the same.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/first_run.py" line="406"/>
        <source>Ensuite, « Ouvrir un paquet reçu… » vérifie chaque paquet : qpvdesk refuse un paquet signé par une clé inconnue ou modifié en route.</source>
        <translation>Then “Open a received package…” checks each package: qpvdesk refuses a package signed by an unknown key or changed on the way.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/first_run.py" line="408"/>
        <source>Vous n&apos;avez rien à faire maintenant : ajoutez les clés quand les communes vous les envoient.</source>
        <translation>There is nothing to do now: add the keys when the communes send them to you.</translation>
    </message>
</context>
<context>
    <name>VerificationDialog</name>
    <message>
        <location filename="../../qpvdesk/views/package/verify_dialog.py" line="188"/>
        <source>Vérification du paquet reçu</source>
        <translation>Verification of the received package</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/verify_dialog.py" line="210"/>
        <source>✓  Paquet authentique et intact</source>
        <translation>✓  Authentic and intact package</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/verify_dialog.py" line="246"/>
        <source>proposition</source>
        <translation>proposal</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/verify_dialog.py" line="246"/>
        <source>propositions</source>
        <translation>proposals</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/verify_dialog.py" line="247"/>
        <source>Signé par la clé enregistrée pour {sender} ; aucun fichier n&apos;a été modifié depuis la signature. Il contient {count} {words}.</source>
        <translation>Signed by the key registered for {sender}; no file has been modified since signing. It contains {count} {words}.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/verify_dialog.py" line="210"/>
        <source>✗  Paquet refusé</source>
        <translation>✗  Package refused</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/verify_dialog.py" line="252"/>
        <source>Rien n&apos;a été importé. Ne tenez pas compte de ce paquet : demandez à la commune de vous le renvoyer, ou vérifiez que sa clé publique a bien été importée (menu « Clés des communes… »).</source>
        <translation>Nothing was imported. Disregard this package: ask the commune to send it again, or check that its public key has been imported (menu “Commune keys…”).</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/verify_dialog.py" line="257"/>
        <source>Expéditeur</source>
        <translation>Sender</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/verify_dialog.py" line="274"/>
        <location filename="../../qpvdesk/views/package/verify_dialog.py" line="292"/>
        <location filename="../../qpvdesk/views/package/response_dialog.py" line="60"/>
        <location filename="../../qpvdesk/views/package/response_dialog.py" line="74"/>
        <source>Fichier</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/verify_dialog.py" line="276"/>
        <source>Clé de la commune</source>
        <translation>Commune&apos;s key</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/verify_dialog.py" line="282"/>
        <source>Commune</source>
        <translation>Commune</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/verify_dialog.py" line="284"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/verify_dialog.py" line="286"/>
        <location filename="../../qpvdesk/views/package/response_dialog.py" line="67"/>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/verify_dialog.py" line="287"/>
        <location filename="../../qpvdesk/views/package/response_dialog.py" line="68"/>
        <source>Clé de signature</source>
        <translation>Signing key</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/verify_dialog.py" line="289"/>
        <source>Créé le</source>
        <translation>Created on</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/verify_dialog.py" line="291"/>
        <source>Identifiant du paquet</source>
        <translation>Package ID</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/verify_dialog.py" line="267"/>
        <source>{label} :</source>
        <translation>{label}:</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/verify_dialog.py" line="296"/>
        <source>Contrôles</source>
        <translation>Checks</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/verify_dialog.py" line="308"/>
        <source>{label} (non vérifié)</source>
        <translation>{label} (not checked)</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/verify_dialog.py" line="330"/>
        <source>Contenu du paquet</source>
        <translation>Package contents</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/verify_dialog.py" line="333"/>
        <source>Contenu non lu : le paquet a été refusé avant.</source>
        <translation>Contents not read: the package was refused before.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/verify_dialog.py" line="347"/>
        <source>Propositions du paquet ({count})</source>
        <translation>Proposals in the package ({count})</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/verify_dialog.py" line="378"/>
        <source>Les numéros renvoient au tableau ci-dessus.</source>
        <translation>The numbers refer to the table above.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/verify_dialog.py" line="381"/>
        <source>Aperçu de la carte indisponible.</source>
        <translation>Map preview unavailable.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/verify_dialog.py" line="388"/>
        <source>Afficher sur la carte</source>
        <translation>Show on the map</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/verify_dialog.py" line="389"/>
        <source>Montrer ces propositions sur la carte principale, sans les importer.</source>
        <translation>Show these proposals on the main map, without importing them.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/verify_dialog.py" line="391"/>
        <source>Accepter dans la base consolidée</source>
        <translation>Accept into the consolidated database</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/verify_dialog.py" line="392"/>
        <source>Enregistrer ce paquet et ses propositions dans la base de l&apos;agglomération.</source>
        <translation>Save this package and its proposals into the agglomeration&apos;s database.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/verify_dialog.py" line="394"/>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/verify_dialog.py" line="415"/>
        <source>Déjà accepté</source>
        <translation>Already accepted</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/verify_dialog.py" line="418"/>
        <source>Ce paquet a déjà été accepté le {date}&#xa0;: il figure dans la base consolidée, l&apos;accepter à nouveau ne changerait rien.</source>
        <translation>This package was already accepted on {date}: it is in the consolidated base, accepting it again would change nothing.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/verify_dialog.py" line="426"/>
        <source>Accepté</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/response_dialog.py" line="63"/>
        <source>Agglomération</source>
        <translation>Agglomeration</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/response_dialog.py" line="65"/>
        <source>Pour la commune</source>
        <translation>For the commune</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/response_dialog.py" line="70"/>
        <source>Créée le</source>
        <translation>Created on</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/response_dialog.py" line="72"/>
        <source>Identifiant de la réponse</source>
        <translation>Response identifier</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../qpvdesk/views/first_run.py" line="73"/>
        <source>Bienvenue dans qpvdesk</source>
        <translation>Welcome to qpvdesk</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/first_run.py" line="74"/>
        <source>Quelques questions pour préparer l&apos;application. Cela prend une minute ; vous pourrez tout changer plus tard.</source>
        <translation>A few questions to set up the application. It takes a minute; you can change everything later.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/first_run.py" line="78"/>
        <source>qpvdesk vous aide à consulter les quartiers prioritaires (QPV) de l&apos;agglomération : cartes, chiffres clés et fiches par quartier.&lt;br&gt;Les communes y dessinent leurs propositions de périmètre et les envoient à l&apos;agglomération dans un paquet signé.&lt;br&gt;L&apos;agglomération vérifie ces paquets et rassemble les propositions reçues.</source>
        <translation>qpvdesk helps you look at the agglomeration&apos;s priority neighbourhoods (QPV): maps, key figures and a fact sheet per neighbourhood.&lt;br&gt;Communes draw their boundary proposals in it and send them to the agglomeration in a signed package.&lt;br&gt;The agglomeration checks these packages and gathers the proposals received.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/first_run.py" line="85"/>
        <source>&lt;b&gt;Pour qui travaillez-vous ?&lt;/b&gt;</source>
        <translation>&lt;b&gt;Who do you work for?&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/first_run.py" line="86"/>
        <source>Je travaille pour une commune</source>
        <translation>I work for a commune</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/first_run.py" line="88"/>
        <source>Je travaille pour l&apos;agglomération (service Politique de la ville)</source>
        <translation>I work for the agglomeration (urban policy department)</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/first_run.py" line="100"/>
        <source>Votre agglomération</source>
        <translation>Your agglomeration</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/first_run.py" line="102"/>
        <source>{name} (base prête)</source>
        <translation>{name} (database ready)</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/first_run.py" line="104"/>
        <source>Une autre intercommunalité : sa base est préparée à partir des données nationales fournies avec qpvdesk</source>
        <translation>Another intercommunality: its database is prepared from the national data shipped with qpvdesk</translation>
    </message>
</context>
<context>
    <name>WorkshopWindow</name>
    <message>
        <location filename="../../qpvdesk/views/atelier/workshop_window.py" line="81"/>
        <source>Atelier d&apos;habitants — {name}</source>
        <translation>Residents&apos; workshop — {name}</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/workshop_window.py" line="93"/>
        <source>Carte de l&apos;atelier</source>
        <translation>Workshop map</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/workshop_window.py" line="99"/>
        <source>Atelier du {date} — {qpv}{place}</source>
        <translation>Workshop of {date} — {qpv}{place}</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/workshop_window.py" line="103"/>
        <source>Rapprocher la carte</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/workshop_window.py" line="105"/>
        <source>Éloigner la carte</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/workshop_window.py" line="106"/>
        <source>Revenir sur le quartier</source>
        <translation>Back to the neighbourhood</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/workshop_window.py" line="108"/>
        <source>Animation…</source>
        <translation>Facilitator…</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/workshop_window.py" line="110"/>
        <source>Réservé à l&apos;animateur ou l&apos;animatrice : montrer les dessins des autres, synthèse, quitter</source>
        <translation>For the facilitator: show the others&apos; drawings, summary, quit</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/workshop_window.py" line="123"/>
        <location filename="../../qpvdesk/views/atelier/workshop_window.py" line="137"/>
        <location filename="../../qpvdesk/views/atelier/workshop_window.py" line="187"/>
        <source>Quitter le plein écran</source>
        <translation>Leave full screen</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/workshop_window.py" line="131"/>
        <source>Montrer les dessins des autres</source>
        <translation>Show the others&apos; drawings</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/workshop_window.py" line="135"/>
        <source>Synthèse de l&apos;atelier</source>
        <translation>Workshop summary</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/workshop_window.py" line="139"/>
        <source>Quitter l&apos;atelier (tout est enregistré)</source>
        <translation>Quit the workshop (everything is saved)</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/atelier/workshop_window.py" line="188"/>
        <source>Quitter le plein écran ? (Réservé à l&apos;animateur ou l&apos;animatrice : l&apos;atelier continue dans une fenêtre ; tout est déjà enregistré.)</source>
        <translation>Leave full screen? (For the facilitator: the workshop goes on in a window; everything is already saved.)</translation>
    </message>
</context>
<context>
    <name>agglomeration_key</name>
    <message>
        <location filename="../../qpvdesk/views/package/agglomeration_key_dialog.py" line="34"/>
        <location filename="../../qpvdesk/views/package/agglomeration_key_dialog.py" line="53"/>
        <source>Clé refusée</source>
        <translation>Key refused</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/agglomeration_key_dialog.py" line="39"/>
        <source>

Attention : ce fichier se présente comme la clé de {owner}, pas de l&apos;agglomération {siren}.</source>
        <translation>

Warning: this file presents itself as the key of {owner}, not of the agglomeration {siren}.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/agglomeration_key_dialog.py" line="42"/>
        <source>Identifiant de la clé : {key}

Avant d&apos;installer, téléphonez à l&apos;agglomération et demandez-lui de lire l&apos;identifiant de sa clé : il doit être exactement celui-ci. S&apos;il diffère, n&apos;installez pas ce fichier.{other}</source>
        <translation>Key identifier: {key}

Before installing, phone the agglomeration and ask them to read their key&apos;s identifier: it must be exactly this one. If it differs, do not install this file.{other}</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/agglomeration_key_dialog.py" line="47"/>
        <source>Installer la clé de l&apos;agglomération ?</source>
        <translation>Install the agglomeration&apos;s key?</translation>
    </message>
</context>
<context>
    <name>charts</name>
    <message>
        <location filename="../../qpvdesk/views/charts/charts.py" line="440"/>
        <source>points de %</source>
        <translation>percentage points</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/charts/charts.py" line="444"/>
        <source>{qpv}
{label}
Écart en {first}&#xa0;: {first_gap} {unit}
Écart en {last}&#xa0;: {last_gap} {unit}</source>
        <translation>{qpv}
{label}
Gap in {first}: {first_gap} {unit}
Gap in {last}: {last_gap} {unit}</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/charts/charts.py" line="453"/>
        <source>CALL&#xa0;: {first} (millésime {first_vintage}) pour l&apos;édition QPV {first_edition}, {last} (millésime {last_vintage}) pour l&apos;édition {last_edition}.</source>
        <translation>CALL: {first} (vintage {first_vintage}) for the QPV edition {first_edition}, {last} (vintage {last_vintage}) for the edition {last_edition}.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/charts/charts.py" line="464"/>
        <source>L&apos;écart a changé de signe pour {names}&#xa0;: le point est dessiné selon l&apos;évolution réelle de l&apos;écart, pas selon son quadrant.</source>
        <translation>The gap changed sign for {names}: the point is drawn according to the actual change in the gap, not according to its quadrant.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/charts/charts.py" line="469"/>
        <source>Sans valeur à l&apos;une des deux éditions (secret ou non disponible)&#xa0;: {names}.</source>
        <translation>No value in one of the two editions (confidential or not available): {names}.</translation>
    </message>
</context>
<context>
    <name>export_dialog</name>
    <message>
        <location filename="../../qpvdesk/views/package/export_dialog.py" line="23"/>
        <source>(sans titre)</source>
        <translation>(untitled)</translation>
    </message>
</context>
<context>
    <name>fiche_view</name>
    <message>
        <location filename="../../qpvdesk/views/fiche/fiche_view.py" line="410"/>
        <source>Fiche du quartier — {name}</source>
        <translation>Neighbourhood profile — {name}</translation>
    </message>
</context>
<context>
    <name>file_dialogs</name>
    <message>
        <location filename="../../qpvdesk/views/file_dialogs.py" line="77"/>
        <source>Ouvrir le dossier</source>
        <translation>Open the folder</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/file_dialogs.py" line="78"/>
        <source>Aucun gestionnaire de fichiers n&apos;a répondu. Le dossier est&#xa0;:
{folder}

Ouvrez-le depuis votre explorateur de fichiers.</source>
        <translation>No file manager answered. The folder is:
{folder}

Open it from your file explorer.</translation>
    </message>
</context>
<context>
    <name>first_run</name>
    <message>
        <location filename="../../qpvdesk/views/first_run.py" line="576"/>
        <source>La clé de l&apos;agglomération (pour vérifier ses réponses ; facultatif, aussi plus tard)</source>
        <translation>The agglomeration&apos;s key (to verify its responses; optional, also later)</translation>
    </message>
</context>
<context>
    <name>indicator_table_view</name>
    <message>
        <location filename="../../qpvdesk/views/tables/indicator_table_view.py" line="122"/>
        <source>pas de valeur publiée pour la CALL</source>
        <extracomment>Widest the quartier and communes columns get (px; the rest in the tooltip): at 1024 × 768 the first figures stay in view.</extracomment>
        <translation>no published value for the CALL</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/tables/indicator_table_view.py" line="124"/>
        <source>CALL&#xa0;: {figure} (millésime {edition})</source>
        <translation>CALL: {figure} (vintage {edition})</translation>
    </message>
</context>
<context>
    <name>key_dialogs</name>
    <message>
        <location filename="../../qpvdesk/views/package/key_dialogs.py" line="38"/>
        <source>Commune</source>
        <translation>Commune</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/key_dialogs.py" line="39"/>
        <source>de la {organization}</source>
        <translation>of the {organization}</translation>
    </message>
</context>
<context>
    <name>proposal_form</name>
    <message>
        <location filename="../../qpvdesk/views/proposals/proposal_form.py" line="62"/>
        <source>Nouveau projet d&apos;équipement</source>
        <translation>New facility project</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/proposal_form.py" line="63"/>
        <source>Nouveau quartier vécu</source>
        <translation>New lived neighbourhood</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/proposals/proposal_form.py" line="64"/>
        <source>Nouvelle demande de modification de périmètre</source>
        <translation>New boundary change request</translation>
    </message>
</context>
<context>
    <name>received_dialog</name>
    <message>
        <location filename="../../qpvdesk/views/package/received_dialog.py" line="58"/>
        <source>Rien à exporter</source>
        <translation>Nothing to export</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/received_dialog.py" line="59"/>
        <source>Aucune proposition reçue pour l&apos;instant : acceptez d&apos;abord un paquet d&apos;une commune.</source>
        <translation>No proposals received yet: first accept a package from a commune.</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/received_dialog.py" line="63"/>
        <source>Exporter les propositions consolidées</source>
        <translation>Export the consolidated proposals</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/received_dialog.py" line="67"/>
        <source>Export impossible</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/received_dialog.py" line="71"/>
        <source>L&apos;export n&apos;a pas pu être écrit : {error}</source>
        <translation>The export could not be written: {error}</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/received_dialog.py" line="76"/>
        <source>L&apos;export n&apos;a pas pu être écrit ({kind} : {error}).</source>
        <translation>The export could not be written ({kind}: {error}).</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/received_dialog.py" line="79"/>
        <source>proposition exportée</source>
        <translation>proposal exported</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/received_dialog.py" line="80"/>
        <source>propositions exportées</source>
        <translation>proposals exported</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/received_dialog.py" line="84"/>
        <source>Export terminé</source>
        <translation>Export complete</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/received_dialog.py" line="81"/>
        <source>{count} {words} dans :
{written}

Le fichier s&apos;ouvre dans QGIS (une couche par type de proposition, avec la commune et le paquet d&apos;origine).</source>
        <translation>{count} {words} in:
{written}

The file opens in QGIS (one layer per proposal type, with the commune and the package of origin).</translation>
    </message>
</context>
<context>
    <name>sources_dialog</name>
    <message>
        <location filename="../../qpvdesk/views/sources_dialog.py" line="70"/>
        <source>&lt;p&gt;La Licence Ouverte demande de &lt;b&gt;citer la source&lt;/b&gt; quand vous reprenez ces données (dans un rapport, sous une carte ou un tableau). Copiez la mention correspondante, ou toutes avec le bouton ci-dessous.&lt;/p&gt;</source>
        <translation>&lt;p&gt;The Licence Ouverte asks you to &lt;b&gt;cite the source&lt;/b&gt; when you reuse this data (in a report, under a map or a table). Copy the matching notice, or all of them with the button below.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/sources_dialog.py" line="76"/>
        <source>Producteur</source>
        <translation>Producer</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/sources_dialog.py" line="76"/>
        <source>Millésime</source>
        <translation>Vintage</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/sources_dialog.py" line="77"/>
        <source>Licence</source>
        <translation>Licence</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/sources_dialog.py" line="78"/>
        <source>Mention à reproduire&amp;nbsp;:</source>
        <translation>Notice to reproduce:</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/sources_dialog.py" line="89"/>
        <source>&lt;p&gt;Texte de la licence : {licence}, {link}. Le détail de chaque source est dans le fichier PROVENANCE.md de son dossier (data/sources/).&lt;/p&gt;</source>
        <translation>&lt;p&gt;Licence text: {licence}, {link}. The details of each source are in the PROVENANCE.md file of its folder (data/sources/).&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>verify_dialog</name>
    <message>
        <location filename="../../qpvdesk/views/package/verify_dialog.py" line="54"/>
        <source> à {hour} h {minute:02d}</source>
        <translation> at {hour}:{minute:02d}</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/verify_dialog.py" line="62"/>
        <source>{number}&#xa0;octets</source>
        <translation>{number}&#xa0;bytes</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/verify_dialog.py" line="65"/>
        <source>{number}&#xa0;ko</source>
        <translation>{number}&#xa0;KB</translation>
    </message>
    <message>
        <location filename="../../qpvdesk/views/package/verify_dialog.py" line="67"/>
        <source>{number}&#xa0;Mo</source>
        <translation>{number}&#xa0;MB</translation>
    </message>
</context>
</TS>
