<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AccountController</name>
    <message>
        <location filename="../qml/controllers/accountcontroller.cpp" line="54"/>
        <source>No Teehee server answered at that address. Check it, and that the server is running.</source>
        <translation>Unter dieser Adresse hat kein Teehee-Server geantwortet. Prüfen Sie die Adresse und ob der Server läuft.</translation>
    </message>
    <message>
        <location filename="../qml/controllers/accountcontroller.cpp" line="56"/>
        <source>The server refused: check the email and password, or ask for a new code and approve it on your other device.</source>
        <translation>Der Server hat abgelehnt: Prüfen Sie E-Mail und Passwort, oder lassen Sie sich einen neuen Code geben und bestätigen Sie ihn auf Ihrem anderen Gerät.</translation>
    </message>
    <message>
        <location filename="../qml/controllers/accountcontroller.cpp" line="58"/>
        <source>The pairing request ran out. Ask for a new code and try again.</source>
        <translation>Die Kopplungsanfrage ist abgelaufen. Lassen Sie sich einen neuen Code geben und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location filename="../qml/controllers/accountcontroller.cpp" line="60"/>
        <source>That is not a server address. Type one such as 192.168.1.20:8765.</source>
        <translation>Das ist keine Serveradresse. Geben Sie eine wie 192.168.1.20:8765 ein.</translation>
    </message>
</context>
<context>
    <name>AccountPanel</name>
    <message>
        <location filename="../qml/AccountPanel.qml" line="33"/>
        <source>This computer was signed out of %1 (its device was removed there). Sign in again to use it.</source>
        <translation>Dieser Computer wurde von %1 abgemeldet (sein Gerät wurde dort entfernt). Melden Sie sich erneut an, um ihn zu nutzen.</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="39"/>
        <source>Signed in to %1</source>
        <translation>Angemeldet bei %1</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="40"/>
        <source>This computer: chats and keys are kept here.</source>
        <translation>Dieser Computer: Chats und Schlüssel werden hier gespeichert.</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="45"/>
        <source>Use this computer instead</source>
        <translation>Stattdessen diesen Computer verwenden</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="51"/>
        <source>The server keeps these chats. This computer&apos;s own chats stay here and come back when you switch.</source>
        <translation>Diese Chats liegen auf dem Server. Die eigenen Chats dieses Computers bleiben hier und kommen beim Zurückwechseln wieder.</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="56"/>
        <source>Use a Teehee server…</source>
        <translation>Einen Teehee-Server verwenden…</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="66"/>
        <source>Another computer&apos;s share (Settings → Sharing there) or a Teehee server. Paste its pairing link to pair without a password.</source>
        <translation>Die Freigabe eines anderen Computers (dort Einstellungen → Freigabe) oder ein Teehee-Server. Fügen Sie den Kopplungslink ein, um ohne Passwort zu koppeln.</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="71"/>
        <source>On this network: %1</source>
        <translation>In diesem Netzwerk: %1</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="83"/>
        <source>Server address or pairing link</source>
        <translation>Serveradresse oder Kopplungslink</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="87"/>
        <source>Continue</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="93"/>
        <source>Reaching the server…</source>
        <translation>Server wird erreicht…</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="105"/>
        <source>Is this the server&apos;s certificate?</source>
        <translation>Ist das das Zertifikat des Servers?</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="106"/>
        <source>Compare this fingerprint with the one the server shows (Settings → Sharing on that computer, or teehee-server --print-fingerprint). Trust it only if they are the same.</source>
        <translation>Vergleichen Sie diesen Fingerabdruck mit dem, den der Server anzeigt (Einstellungen → Freigabe auf jenem Computer oder teehee-server --print-fingerprint). Vertrauen Sie ihm nur, wenn beide gleich sind.</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="119"/>
        <source>Trust this certificate</source>
        <translation>Diesem Zertifikat vertrauen</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="120"/>
        <location filename="../qml/AccountPanel.qml" line="169"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="134"/>
        <source>Pair with a code</source>
        <translation>Mit einem Code koppeln</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="135"/>
        <source>On a device already signed in, open Settings → Sharing (or Devices) and show the pairing code.</source>
        <translation>Öffnen Sie auf einem bereits angemeldeten Gerät Einstellungen → Freigabe (oder Geräte) und lassen Sie den Kopplungscode anzeigen.</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="136"/>
        <source>Pairing code</source>
        <translation>Kopplungscode</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="138"/>
        <source>Pair</source>
        <translation>Koppeln</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="144"/>
        <source>Or sign in</source>
        <translation>Oder anmelden</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="145"/>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="146"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="148"/>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="152"/>
        <source>Signing in…</source>
        <translation>Anmeldung läuft…</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="158"/>
        <source>Approve this computer on your other device</source>
        <translation>Bestätigen Sie diesen Computer auf Ihrem anderen Gerät</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="159"/>
        <source>It asks to approve &quot;%1&quot;. Approve only if it shows the same number:</source>
        <translation>Dort wird gefragt, ob „%1“ bestätigt werden soll. Bestätigen Sie nur, wenn dieselbe Zahl angezeigt wird:</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="167"/>
        <source>Verification number %1</source>
        <translation>Prüfnummer %1</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="171"/>
        <source>Signed in. Opening the server&apos;s chats…</source>
        <translation>Angemeldet. Die Chats des Servers werden geöffnet…</translation>
    </message>
</context>
<context>
    <name>AppStatus</name>
    <message>
        <location filename="../qml/appstatus.cpp" line="33"/>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <location filename="../qml/appstatus.cpp" line="34"/>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
</context>
<context>
    <name>AttachmentTray</name>
    <message>
        <location filename="../qml/AttachmentTray.qml" line="14"/>
        <source>%1 B</source>
        <translation>%1 B</translation>
    </message>
    <message>
        <location filename="../qml/AttachmentTray.qml" line="16"/>
        <source>%1 KB</source>
        <translation>%1 KB</translation>
    </message>
    <message>
        <location filename="../qml/AttachmentTray.qml" line="17"/>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <location filename="../qml/AttachmentTray.qml" line="68"/>
        <source>Uploading…</source>
        <translation>Wird hochgeladen…</translation>
    </message>
    <message>
        <location filename="../qml/AttachmentTray.qml" line="77"/>
        <source>Remove “%1”</source>
        <translation>„%1“ entfernen</translation>
    </message>
</context>
<context>
    <name>BranchSwitcher</name>
    <message>
        <location filename="../qml/BranchSwitcher.qml" line="18"/>
        <source>Branch %1 of %2</source>
        <translation>Zweig %1 von %2</translation>
    </message>
    <message>
        <location filename="../qml/BranchSwitcher.qml" line="25"/>
        <source>Previous branch (Alt+←)</source>
        <translation>Vorheriger Zweig (Alt+←)</translation>
    </message>
    <message>
        <location filename="../qml/BranchSwitcher.qml" line="39"/>
        <source>Next branch (Alt+→)</source>
        <translation>Nächster Zweig (Alt+→)</translation>
    </message>
</context>
<context>
    <name>ChatExportDialog</name>
    <message>
        <location filename="../qml/ChatExportDialog.qml" line="13"/>
        <source>Export as Markdown</source>
        <translation>Als Markdown exportieren</translation>
    </message>
    <message>
        <location filename="../qml/ChatExportDialog.qml" line="13"/>
        <source>Export as JSON</source>
        <translation>Als JSON exportieren</translation>
    </message>
    <message>
        <location filename="../qml/ChatExportDialog.qml" line="15"/>
        <source>Markdown files (*.md)</source>
        <translation>Markdown-Dateien (*.md)</translation>
    </message>
    <message>
        <location filename="../qml/ChatExportDialog.qml" line="15"/>
        <source>JSON files (*.json)</source>
        <translation>JSON-Dateien (*.json)</translation>
    </message>
</context>
<context>
    <name>ChatHeader</name>
    <message>
        <location filename="../qml/ChatHeader.qml" line="24"/>
        <source>Hide sidebar (Ctrl+B)</source>
        <translation>Seitenleiste ausblenden (Ctrl+B)</translation>
    </message>
    <message>
        <location filename="../qml/ChatHeader.qml" line="24"/>
        <source>Show sidebar (Ctrl+B)</source>
        <translation>Seitenleiste einblenden (Ctrl+B)</translation>
    </message>
    <message>
        <location filename="../qml/ChatHeader.qml" line="29"/>
        <source>New chat</source>
        <translation>Neuer Chat</translation>
    </message>
    <message>
        <location filename="../qml/ChatHeader.qml" line="43"/>
        <source>%1 tokens · %2</source>
        <translation>%1 Tokens · %2</translation>
    </message>
    <message>
        <location filename="../qml/ChatHeader.qml" line="45"/>
        <source>%1 tokens</source>
        <translation>%1 Tokens</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/ChatHeader.qml" line="51"/>
        <source>This branch: %1 in, %2 out over %n replies</source>
        <translation>
            <numerusform>Dieser Zweig: %1 ein, %2 aus in %n Antwort</numerusform>
            <numerusform>Dieser Zweig: %1 ein, %2 aus in %n Antworten</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/ChatHeader.qml" line="56"/>
        <source>System prompt ✓</source>
        <translation>Systemprompt ✓</translation>
    </message>
    <message>
        <location filename="../qml/ChatHeader.qml" line="56"/>
        <source>System prompt</source>
        <translation>Systemprompt</translation>
    </message>
</context>
<context>
    <name>ChatListDelegate</name>
    <message>
        <location filename="../qml/ChatListDelegate.qml" line="67"/>
        <source>Chat name</source>
        <translation>Chatname</translation>
    </message>
    <message>
        <location filename="../qml/ChatListDelegate.qml" line="82"/>
        <source>Chat actions</source>
        <translation>Chat-Aktionen</translation>
    </message>
    <message>
        <location filename="../qml/ChatListDelegate.qml" line="91"/>
        <source>Rename</source>
        <translation>Umbenennen</translation>
    </message>
    <message>
        <location filename="../qml/ChatListDelegate.qml" line="92"/>
        <source>Fork</source>
        <translation>Abzweigen</translation>
    </message>
    <message>
        <location filename="../qml/ChatListDelegate.qml" line="93"/>
        <source>Export as Markdown…</source>
        <translation>Als Markdown exportieren…</translation>
    </message>
    <message>
        <location filename="../qml/ChatListDelegate.qml" line="94"/>
        <source>Export as JSON…</source>
        <translation>Als JSON exportieren…</translation>
    </message>
    <message>
        <location filename="../qml/ChatListDelegate.qml" line="95"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
</context>
<context>
    <name>ChatListModel</name>
    <message>
        <location filename="../qml/models/chatlistmodel.cpp" line="42"/>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <location filename="../qml/models/chatlistmodel.cpp" line="44"/>
        <source>Yesterday</source>
        <translation>Gestern</translation>
    </message>
    <message>
        <location filename="../qml/models/chatlistmodel.cpp" line="46"/>
        <source>Previous 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <location filename="../qml/models/chatlistmodel.cpp" line="47"/>
        <source>Older</source>
        <translation>Älter</translation>
    </message>
    <message>
        <location filename="../qml/models/chatlistmodel.cpp" line="52"/>
        <source>New chat</source>
        <translation>Neuer Chat</translation>
    </message>
</context>
<context>
    <name>CodeBlock</name>
    <message>
        <location filename="../qml/CodeBlock.qml" line="19"/>
        <source>%1 code</source>
        <translation>%1-Code</translation>
    </message>
    <message>
        <location filename="../qml/CodeBlock.qml" line="19"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../qml/CodeBlock.qml" line="33"/>
        <source>code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../qml/CodeBlock.qml" line="46"/>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
    <message>
        <location filename="../qml/CodeBlock.qml" line="46"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location filename="../qml/CodeBlock.qml" line="52"/>
        <source>Copy code</source>
        <translation>Code kopieren</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <location filename="../qml/Composer.qml" line="30"/>
        <source>Wait until the files are uploaded.</source>
        <translation>Warten Sie, bis die Dateien hochgeladen sind.</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="41"/>
        <source>Attach files</source>
        <translation>Dateien anhängen</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="43"/>
        <source>Images, PDF and text (%1)</source>
        <translation>Bilder, PDF und Text (%1)</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="44"/>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="92"/>
        <source>Message Teehee…  (Enter sends, Shift+Enter for a new line)</source>
        <translation>Nachricht an Teehee…  (Enter sendet, Shift+Enter für eine neue Zeile)</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="99"/>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="123"/>
        <source>Attach files (images, PDF, text)</source>
        <translation>Dateien anhängen (Bilder, PDF, Text)</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="153"/>
        <source>Stop (Esc)</source>
        <translation>Anhalten (Esc)</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="153"/>
        <source>Send (Enter)</source>
        <translation>Senden (Enter)</translation>
    </message>
</context>
<context>
    <name>ContextMeter</name>
    <message numerus="yes">
        <location filename="../qml/controllers/contextmeter.cpp" line="69"/>
        <source>%Ln tokens (the model&apos;s context window is not known)</source>
        <translation>
            <numerusform>%Ln Token (das Kontextfenster des Modells ist unbekannt)</numerusform>
            <numerusform>%Ln Tokens (das Kontextfenster des Modells ist unbekannt)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/controllers/contextmeter.cpp" line="70"/>
        <source>%1 of %2 tokens</source>
        <translation>%1 von %2 Tokens</translation>
    </message>
</context>
<context>
    <name>ContextRing</name>
    <message>
        <location filename="../qml/ContextRing.qml" line="18"/>
        <source>Context window: %1</source>
        <translation>Kontextfenster: %1</translation>
    </message>
    <message>
        <location filename="../qml/ContextRing.qml" line="50"/>
        <source>%1 (estimated)</source>
        <translation>%1 (geschätzt)</translation>
    </message>
</context>
<context>
    <name>ConversationView</name>
    <message>
        <location filename="../qml/ConversationView.qml" line="77"/>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <location filename="../qml/ConversationView.qml" line="183"/>
        <source>Jump to latest</source>
        <translation>Zur neuesten Nachricht</translation>
    </message>
</context>
<context>
    <name>DataPanel</name>
    <message>
        <location filename="../qml/DataPanel.qml" line="29"/>
        <source>Export all chats…</source>
        <translation>Alle Chats exportieren…</translation>
    </message>
    <message>
        <location filename="../qml/DataPanel.qml" line="35"/>
        <source>Import…</source>
        <translation>Importieren…</translation>
    </message>
    <message>
        <location filename="../qml/DataPanel.qml" line="40"/>
        <source>Imports take Teehee exports and ChatGPT&apos;s conversations.json. Chats already imported are skipped.</source>
        <translation>Importiert werden Teehee-Exporte und die conversations.json von ChatGPT. Bereits importierte Chats werden übersprungen.</translation>
    </message>
    <message>
        <location filename="../qml/DataPanel.qml" line="47"/>
        <source>Importing</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <location filename="../qml/DataPanel.qml" line="47"/>
        <source>Exporting</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <location filename="../qml/DataPanel.qml" line="59"/>
        <source>Export all chats</source>
        <translation>Alle Chats exportieren</translation>
    </message>
    <message>
        <location filename="../qml/DataPanel.qml" line="61"/>
        <location filename="../qml/DataPanel.qml" line="70"/>
        <source>JSON files (*.json)</source>
        <translation>JSON-Dateien (*.json)</translation>
    </message>
    <message>
        <location filename="../qml/DataPanel.qml" line="68"/>
        <source>Import chats</source>
        <translation>Chats importieren</translation>
    </message>
    <message>
        <location filename="../qml/DataPanel.qml" line="70"/>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>FailureText</name>
    <message>
        <location filename="../qml/controllers/failuretext.cpp" line="13"/>
        <source>There is no API key for this provider yet. Add one in Settings, then retry.</source>
        <translation>Für diesen Anbieter gibt es noch keinen API-Schlüssel. Füge in den Einstellungen einen hinzu und versuche es dann erneut.</translation>
    </message>
    <message>
        <location filename="../qml/controllers/failuretext.cpp" line="15"/>
        <source>The provider refused the API key. Check or replace it in Settings, then retry.</source>
        <translation>Der Anbieter hat den API-Schlüssel abgelehnt. Prüfe oder ersetze ihn in den Einstellungen und versuche es dann erneut.</translation>
    </message>
    <message>
        <location filename="../qml/controllers/failuretext.cpp" line="17"/>
        <source>No model is chosen for this provider. Pick one in the model menu.</source>
        <translation>Für diesen Anbieter ist kein Modell gewählt. Wähle eines im Modellmenü.</translation>
    </message>
    <message>
        <location filename="../qml/controllers/failuretext.cpp" line="19"/>
        <source>This provider is not available. Pick another model.</source>
        <translation>Dieser Anbieter ist nicht verfügbar. Wähle ein anderes Modell.</translation>
    </message>
    <message>
        <location filename="../qml/controllers/failuretext.cpp" line="21"/>
        <source>A reply is still being written in this chat. Stop it or wait for it to finish.</source>
        <translation>In diesem Chat wird noch eine Antwort geschrieben. Stoppe sie oder warte, bis sie fertig ist.</translation>
    </message>
    <message>
        <location filename="../qml/controllers/failuretext.cpp" line="23"/>
        <source>This reply cannot be continued.</source>
        <translation>Diese Antwort kann nicht fortgesetzt werden.</translation>
    </message>
    <message>
        <location filename="../qml/controllers/failuretext.cpp" line="25"/>
        <source>That is no longer there.</source>
        <translation>Das gibt es nicht mehr.</translation>
    </message>
    <message>
        <location filename="../qml/controllers/failuretext.cpp" line="27"/>
        <source>Too many requests right now. Try again in a moment.</source>
        <translation>Gerade zu viele Anfragen. Versuche es gleich noch einmal.</translation>
    </message>
    <message>
        <location filename="../qml/controllers/failuretext.cpp" line="29"/>
        <source>Not allowed.</source>
        <translation>Nicht erlaubt.</translation>
    </message>
    <message>
        <location filename="../qml/controllers/failuretext.cpp" line="31"/>
        <source>The chats cannot be reached right now.</source>
        <translation>Die Chats sind gerade nicht erreichbar.</translation>
    </message>
    <message>
        <location filename="../qml/controllers/failuretext.cpp" line="33"/>
        <source>This model cannot read images. Choose one that can in the model menu, then retry.</source>
        <translation>Dieses Modell kann keine Bilder lesen. Wählen Sie im Modellmenü eines, das es kann, und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location filename="../qml/controllers/failuretext.cpp" line="35"/>
        <source>That is too large to send.</source>
        <translation>Das ist zu groß zum Senden.</translation>
    </message>
    <message>
        <location filename="../qml/controllers/failuretext.cpp" line="37"/>
        <source>That kind of file cannot be attached. Images (PNG, JPEG, GIF, WebP), PDF and text files can.</source>
        <translation>Diese Art von Datei kann nicht angehängt werden. Bilder (PNG, JPEG, GIF, WebP), PDF- und Textdateien schon.</translation>
    </message>
    <message>
        <location filename="../qml/controllers/failuretext.cpp" line="39"/>
        <source>The server&apos;s certificate is not the one you confirmed. Someone may be in between: check the server before you sign in again.</source>
        <translation>Das Zertifikat des Servers ist nicht das, das Sie bestätigt haben. Vielleicht steht jemand dazwischen: Prüfen Sie den Server, bevor Sie sich erneut anmelden.</translation>
    </message>
    <message>
        <location filename="../qml/controllers/failuretext.cpp" line="41"/>
        <source>The file could not be read or written. Check where it is and that you may use it.</source>
        <translation>Die Datei konnte nicht gelesen oder geschrieben werden. Prüfen Sie, wo sie liegt und ob Sie sie verwenden dürfen.</translation>
    </message>
    <message>
        <location filename="../qml/controllers/failuretext.cpp" line="43"/>
        <source>This was answered on another device.</source>
        <translation>Das wurde bereits auf einem anderen Gerät beantwortet.</translation>
    </message>
    <message>
        <location filename="../qml/controllers/failuretext.cpp" line="48"/>
        <source>Something went wrong.</source>
        <translation>Etwas ist schiefgelaufen.</translation>
    </message>
</context>
<context>
    <name>KeyForm</name>
    <message>
        <location filename="../qml/KeyForm.qml" line="38"/>
        <source>%1 API key</source>
        <translation>%1-API-Schlüssel</translation>
    </message>
    <message>
        <location filename="../qml/KeyForm.qml" line="42"/>
        <source>Test</source>
        <translation>Testen</translation>
    </message>
    <message>
        <location filename="../qml/KeyForm.qml" line="44"/>
        <source>Testing…</source>
        <translation>Wird getestet…</translation>
    </message>
    <message>
        <location filename="../qml/KeyForm.qml" line="48"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location filename="../qml/KeyForm.qml" line="64"/>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
</context>
<context>
    <name>LanguageController</name>
    <message>
        <location filename="../qml/languagecontroller.cpp" line="95"/>
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/Main.qml" line="100"/>
        <source>Reconnecting… Replies go on on the server and continue here when it is back.</source>
        <translation>Verbindung wird wiederhergestellt… Antworten laufen auf dem Server weiter und erscheinen hier, sobald er wieder erreichbar ist.</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="119"/>
        <source>Teehee could not start: %1</source>
        <translation>Teehee konnte nicht starten: %1</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="186"/>
        <source>Drop files to attach them</source>
        <translation>Dateien hier ablegen, um sie anzuhängen</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="199"/>
        <source>Deleted “%1”</source>
        <translation>„%1“ gelöscht</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="199"/>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="221"/>
        <source>“%1” asks to use your chats (number %2)</source>
        <translation>„%1“ möchte deine Chats nutzen (Nummer %2)</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="222"/>
        <source>Review</source>
        <translation>Ansehen</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="239"/>
        <source>Reply finished: %1</source>
        <translation>Antwort fertig: %1</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="239"/>
        <source>Reply stopped: %1</source>
        <translation>Antwort angehalten: %1</translation>
    </message>
</context>
<context>
    <name>MessageActions</name>
    <message>
        <location filename="../qml/MessageActions.qml" line="31"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location filename="../qml/MessageActions.qml" line="32"/>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <location filename="../qml/MessageActions.qml" line="33"/>
        <source>Regenerate</source>
        <translation>Neu generieren</translation>
    </message>
    <message>
        <location filename="../qml/MessageActions.qml" line="34"/>
        <source>Continue</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <location filename="../qml/MessageActions.qml" line="35"/>
        <source>Fork into a new chat from here</source>
        <translation>Ab hier als neuen Chat abzweigen</translation>
    </message>
    <message>
        <location filename="../qml/MessageActions.qml" line="36"/>
        <source>Delete message</source>
        <translation>Nachricht löschen</translation>
    </message>
    <message>
        <location filename="../qml/MessageActions.qml" line="46"/>
        <source>Sent %1</source>
        <translation>Gesendet %1</translation>
    </message>
</context>
<context>
    <name>MessageAttachments</name>
    <message>
        <location filename="../qml/MessageAttachments.qml" line="16"/>
        <source>%1 B</source>
        <translation>%1 B</translation>
    </message>
    <message>
        <location filename="../qml/MessageAttachments.qml" line="18"/>
        <source>%1 KB</source>
        <translation>%1 KB</translation>
    </message>
    <message>
        <location filename="../qml/MessageAttachments.qml" line="19"/>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <location filename="../qml/MessageAttachments.qml" line="44"/>
        <source>Image: %1</source>
        <translation>Bild: %1</translation>
    </message>
    <message>
        <location filename="../qml/MessageAttachments.qml" line="65"/>
        <source>Image unavailable</source>
        <translation>Bild nicht verfügbar</translation>
    </message>
    <message>
        <location filename="../qml/MessageAttachments.qml" line="121"/>
        <source>“%1” was removed</source>
        <translation>„%1“ wurde entfernt</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <location filename="../qml/MessageDelegate.qml" line="51"/>
        <source>You said</source>
        <translation>Ihre Nachricht</translation>
    </message>
    <message>
        <location filename="../qml/MessageDelegate.qml" line="51"/>
        <source>Reply</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <location filename="../qml/MessageDelegate.qml" line="51"/>
        <source>writing…</source>
        <translation>schreibt…</translation>
    </message>
    <message>
        <location filename="../qml/MessageDelegate.qml" line="91"/>
        <source>%1 tokens in, %2 out</source>
        <translation>%1 Tokens Eingabe, %2 Ausgabe</translation>
    </message>
    <message>
        <location filename="../qml/MessageDelegate.qml" line="92"/>
        <source>Cost: %1</source>
        <translation>Kosten: %1</translation>
    </message>
</context>
<context>
    <name>MessageEditor</name>
    <message>
        <location filename="../qml/MessageEditor.qml" line="26"/>
        <source>Edit message</source>
        <translation>Nachricht bearbeiten</translation>
    </message>
    <message>
        <location filename="../qml/MessageEditor.qml" line="37"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../qml/MessageEditor.qml" line="38"/>
        <source>Save &amp; submit</source>
        <translation>Speichern und senden</translation>
    </message>
</context>
<context>
    <name>MessageNotice</name>
    <message>
        <location filename="../qml/MessageNotice.qml" line="58"/>
        <source>The reply failed.</source>
        <translation>Die Antwort ist fehlgeschlagen.</translation>
    </message>
    <message>
        <location filename="../qml/MessageNotice.qml" line="54"/>
        <source>Stopped</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <location filename="../qml/MessageNotice.qml" line="32"/>
        <source>Rate limited</source>
        <translation>Ratenlimit erreicht</translation>
    </message>
    <message>
        <location filename="../qml/MessageNotice.qml" line="55"/>
        <source>Rate limited — retry in %1 s</source>
        <translation>Ratenlimit erreicht — erneut versuchen in %1 s</translation>
    </message>
    <message>
        <location filename="../qml/MessageNotice.qml" line="56"/>
        <location filename="../qml/MessageNotice.qml" line="57"/>
        <source>Rate limited — you can retry now</source>
        <translation>Ratenlimit erreicht — Sie können es jetzt erneut versuchen</translation>
    </message>
    <message>
        <location filename="../qml/MessageNotice.qml" line="67"/>
        <source>Open settings</source>
        <translation>Einstellungen öffnen</translation>
    </message>
    <message>
        <location filename="../qml/MessageNotice.qml" line="67"/>
        <source>Add key</source>
        <translation>Schlüssel hinzufügen</translation>
    </message>
    <message>
        <location filename="../qml/MessageNotice.qml" line="75"/>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <location filename="../qml/MessageNotice.qml" line="81"/>
        <source>Continue</source>
        <translation>Fortsetzen</translation>
    </message>
</context>
<context>
    <name>ModelOptions</name>
    <message>
        <location filename="../qml/ModelOptions.qml" line="24"/>
        <location filename="../qml/ModelOptions.qml" line="97"/>
        <source>Default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <location filename="../qml/ModelOptions.qml" line="29"/>
        <source>Parameters for this chat</source>
        <translation>Parameter für diesen Chat</translation>
    </message>
    <message>
        <location filename="../qml/ModelOptions.qml" line="40"/>
        <location filename="../qml/ModelOptions.qml" line="48"/>
        <source>Temperature</source>
        <translation>Temperatur</translation>
    </message>
    <message>
        <location filename="../qml/ModelOptions.qml" line="52"/>
        <source>default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <location filename="../qml/ModelOptions.qml" line="65"/>
        <source>Longest reply</source>
        <translation>Längste Antwort</translation>
    </message>
    <message>
        <location filename="../qml/ModelOptions.qml" line="75"/>
        <source>Longest reply, in tokens</source>
        <translation>Längste Antwort, in Tokens</translation>
    </message>
    <message>
        <location filename="../qml/ModelOptions.qml" line="78"/>
        <source>tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <location filename="../qml/ModelOptions.qml" line="88"/>
        <location filename="../qml/ModelOptions.qml" line="103"/>
        <source>Reasoning effort</source>
        <translation>Denkaufwand</translation>
    </message>
    <message>
        <location filename="../qml/ModelOptions.qml" line="98"/>
        <source>Low</source>
        <translation>Niedrig</translation>
    </message>
    <message>
        <location filename="../qml/ModelOptions.qml" line="99"/>
        <source>Medium</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <location filename="../qml/ModelOptions.qml" line="100"/>
        <source>High</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <location filename="../qml/ModelOptions.qml" line="112"/>
        <location filename="../qml/ModelOptions.qml" line="116"/>
        <source>Extended thinking</source>
        <translation>Erweitertes Nachdenken</translation>
    </message>
</context>
<context>
    <name>ModelPicker</name>
    <message>
        <location filename="../qml/ModelPicker.qml" line="15"/>
        <source>Choose a model</source>
        <translation>Modell wählen</translation>
    </message>
    <message>
        <location filename="../qml/ModelPicker.qml" line="22"/>
        <source>Model: %1 (%2)</source>
        <translation>Modell: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../qml/ModelPicker.qml" line="37"/>
        <source>no key</source>
        <translation>kein Schlüssel</translation>
    </message>
    <message>
        <location filename="../qml/ModelPicker.qml" line="69"/>
        <source>Search models</source>
        <translation>Modelle suchen</translation>
    </message>
    <message>
        <location filename="../qml/ModelPicker.qml" line="81"/>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <location filename="../qml/ModelPicker.qml" line="122"/>
        <source>Make it the default for new chats</source>
        <translation>Als Standard für neue Chats festlegen</translation>
    </message>
</context>
<context>
    <name>PendingAttachments</name>
    <message>
        <location filename="../qml/controllers/pendingattachments.cpp" line="83"/>
        <source>“%1” is too large: a file may have at most %2.</source>
        <translation>„%1“ ist zu groß: Eine Datei darf höchstens %2 groß sein.</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/controllers/pendingattachments.cpp" line="90"/>
        <source>A message can carry at most %n files.</source>
        <translation>
            <numerusform>Eine Nachricht kann höchstens %n Datei enthalten.</numerusform>
            <numerusform>Eine Nachricht kann höchstens %n Dateien enthalten.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/controllers/pendingattachments.cpp" line="102"/>
        <source>“%1” is not a file on this computer.</source>
        <translation>„%1“ ist keine Datei auf diesem Computer.</translation>
    </message>
    <message>
        <location filename="../qml/controllers/pendingattachments.cpp" line="110"/>
        <location filename="../qml/controllers/pendingattachments.cpp" line="217"/>
        <source>“%1” cannot be attached: images (PNG, JPEG, GIF, WebP), PDF and text files can.</source>
        <translation>„%1“ kann nicht angehängt werden: Bilder (PNG, JPEG, GIF, WebP), PDF- und Textdateien schon.</translation>
    </message>
    <message>
        <location filename="../qml/controllers/pendingattachments.cpp" line="140"/>
        <source>“%1” could not be read.</source>
        <translation>„%1“ konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <location filename="../qml/controllers/pendingattachments.cpp" line="160"/>
        <source>Pasted image %1.png</source>
        <translation>Eingefügtes Bild %1.png</translation>
    </message>
    <message>
        <location filename="../qml/controllers/pendingattachments.cpp" line="218"/>
        <source>“%1” was not attached: %2</source>
        <translation>„%1“ wurde nicht angehängt: %2</translation>
    </message>
    <message>
        <location filename="../qml/controllers/pendingattachments.cpp" line="260"/>
        <source>%1 cannot read images. Choose a model that can, or remove the images.</source>
        <translation>%1 kann keine Bilder lesen. Wählen Sie ein Modell, das es kann, oder entfernen Sie die Bilder.</translation>
    </message>
</context>
<context>
    <name>SettingsController</name>
    <message>
        <location filename="../qml/controllers/settingscontroller.cpp" line="132"/>
        <source>Custom endpoint</source>
        <translation>Eigener Endpunkt</translation>
    </message>
    <message>
        <location filename="../qml/controllers/settingscontroller.cpp" line="204"/>
        <source>Local server</source>
        <translation>Lokaler Server</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/controllers/settingscontroller.cpp" line="221"/>
        <source>The key works: %n model(s) available.</source>
        <translation>
            <numerusform>Der Schlüssel funktioniert: %n Modell verfügbar.</numerusform>
            <numerusform>Der Schlüssel funktioniert: %n Modelle verfügbar.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="13"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="25"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="59"/>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="62"/>
        <source>Providers &amp; keys</source>
        <translation>Anbieter und Schlüssel</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="71"/>
        <location filename="../qml/SettingsDialog.qml" line="113"/>
        <source>Test</source>
        <translation>Testen</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="71"/>
        <source>Test %1</source>
        <translation>%1 testen</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="72"/>
        <source>Testing…</source>
        <translation>Wird getestet…</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="73"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="73"/>
        <source>Delete the %1 key</source>
        <translation>%1-Schlüssel löschen</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="95"/>
        <source>No keys yet.</source>
        <translation>Noch keine Schlüssel.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="98"/>
        <source>Also available from the environment: %1</source>
        <translation>Auch aus der Umgebung verfügbar: %1</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="100"/>
        <source>Add or replace a key:</source>
        <translation>Schlüssel hinzufügen oder ersetzen:</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="103"/>
        <source>Custom OpenAI-compatible endpoint</source>
        <translation>Eigener OpenAI-kompatibler Endpunkt</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="104"/>
        <source>Ollama, LM Studio, vLLM, llama.cpp, OpenRouter… The key is optional for local servers.</source>
        <translation>Ollama, LM Studio, vLLM, llama.cpp, OpenRouter… Für lokale Server ist der Schlüssel optional.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="105"/>
        <source>Add as many as you use: each one is its own choice in the model chip. Saving under an existing name replaces that endpoint.</source>
        <translation>Fügen Sie so viele hinzu, wie Sie nutzen: Jeder erscheint als eigene Wahl in der Modellauswahl. Speichern unter einem vorhandenen Namen ersetzt diesen Endpunkt.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="109"/>
        <source>Name, e.g. Ollama</source>
        <translation>Name, z. B. Ollama</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="110"/>
        <source>Base URL</source>
        <translation>Basis-URL</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="111"/>
        <source>API key (optional)</source>
        <translation>API-Schlüssel (optional)</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="114"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="119"/>
        <source>Default model</source>
        <translation>Standardmodell</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="120"/>
        <source>New chats start with %1 · %2. Choose another one from the model chip in the composer and make it the default there.</source>
        <translation>Neue Chats beginnen mit %1 · %2. Wählen Sie über die Modellauswahl im Eingabefeld ein anderes Modell und legen Sie es dort als Standard fest.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="123"/>
        <source>Appearance</source>
        <translation>Darstellung</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="126"/>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="127"/>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="128"/>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="131"/>
        <location filename="../qml/SettingsDialog.qml" line="136"/>
        <source>Text size</source>
        <translation>Textgröße</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="142"/>
        <location filename="../qml/SettingsDialog.qml" line="146"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="206"/>
        <source>Sharing</source>
        <translation>Freigabe</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="209"/>
        <source>Usage</source>
        <translation>Verbrauch</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="212"/>
        <source>Tools</source>
        <translation>Werkzeuge</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="215"/>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="217"/>
        <source>Chats are kept by %1</source>
        <translation>Die Chats liegen bei %1</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="218"/>
        <source>Chats are stored in %1</source>
        <translation>Chats werden in %1 gespeichert</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="219"/>
        <source>Data folder: %1</source>
        <translation>Datenordner: %1</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="220"/>
        <source>Teehee %1</source>
        <translation>Teehee %1</translation>
    </message>
</context>
<context>
    <name>SharingPanel</name>
    <message>
        <location filename="../qml/SharingPanel.qml" line="49"/>
        <source>Share on this network</source>
        <translation>In diesem Netzwerk freigeben</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="66"/>
        <location filename="../qml/SharingPanel.qml" line="71"/>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="80"/>
        <source>Sharing could not start: %1</source>
        <translation>Die Freigabe konnte nicht starten: %1</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="81"/>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="82"/>
        <source>Other devices on this network can use your chats and keys after you let them in here. The connection is encrypted.</source>
        <translation>Andere Geräte in diesem Netzwerk können deine Chats und Schlüssel nutzen, nachdem du sie hier zugelassen hast. Die Verbindung ist verschlüsselt.</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="91"/>
        <source>Open on another device</source>
        <translation>Auf einem anderen Gerät öffnen</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="97"/>
        <source>Pair a phone or tablet</source>
        <translation>Smartphone oder Tablet koppeln</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="98"/>
        <source>Scan this code with the other device&apos;s camera, then compare the number it shows with the one below.</source>
        <translation>Scanne diesen Code mit der Kamera des anderen Geräts und vergleiche dann die angezeigte Nummer mit der unten.</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="112"/>
        <source>QR code of the pairing link</source>
        <translation>QR-Code des Kopplungslinks</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="124"/>
        <source>Valid for %1:%2</source>
        <translation>Gültig für %1:%2</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="126"/>
        <source>Making a new code…</source>
        <translation>Neuer Code wird erstellt…</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="128"/>
        <source>New code</source>
        <translation>Neuer Code</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="130"/>
        <source>SHA-256 fingerprint</source>
        <translation>SHA-256-Fingerabdruck</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="132"/>
        <source>A device that asks you to trust a certificate should show this same fingerprint.</source>
        <translation>Ein Gerät, das dich bittet, einem Zertifikat zu vertrauen, sollte genau diesen Fingerabdruck anzeigen.</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="136"/>
        <source>Waiting for approval</source>
        <translation>Warten auf Zustimmung</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="152"/>
        <source>Number %1</source>
        <translation>Nummer %1</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="156"/>
        <source>Approve</source>
        <translation>Zulassen</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="158"/>
        <source>Approve %1</source>
        <translation>%1 zulassen</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="163"/>
        <source>Deny</source>
        <translation>Ablehnen</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="164"/>
        <source>Deny %1</source>
        <translation>%1 ablehnen</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="171"/>
        <source>Replies running from other devices</source>
        <translation>Antworten, die von anderen Geräten laufen</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="181"/>
        <source>%1 in “%2”</source>
        <translation>%1 in „%2“</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="181"/>
        <source>Another device</source>
        <translation>Ein anderes Gerät</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="182"/>
        <source>New chat</source>
        <translation>Neuer Chat</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="195"/>
        <source>Your keys</source>
        <translation>Ihre Schlüssel</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="198"/>
        <source>People with their own account here can always add their own keys. Yours stay hidden from them either way.</source>
        <translation>Personen mit eigenem Konto hier können jederzeit eigene Schlüssel hinzufügen. Ihre Schlüssel bleiben für sie in jedem Fall verborgen.</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="206"/>
        <source>Let other people use my %1 key</source>
        <translation>Andere Personen meinen %1-Schlüssel verwenden lassen</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="222"/>
        <source>Accounts for other people</source>
        <translation>Konten für andere Personen</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="231"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="243"/>
        <source>Create account</source>
        <translation>Konto erstellen</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="188"/>
        <location filename="../qml/SharingPanel.qml" line="264"/>
        <source>Since %1</source>
        <translation>Seit %1</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="223"/>
        <source>Each person gets chats of their own. They sign in on the shared address with the name and the password you give them (8 characters or more).</source>
        <translation>Jede Person bekommt eigene Chats. Sie meldet sich unter der freigegebenen Adresse mit dem Namen und dem Passwort an, die Sie ihr geben (mindestens 8 Zeichen).</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="238"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="270"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="272"/>
        <source>Remove %1</source>
        <translation>%1 entfernen</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="278"/>
        <source>Paired devices</source>
        <translation>Gekoppelte Geräte</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="288"/>
        <source>Last seen %1</source>
        <translation>Zuletzt gesehen %1</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="293"/>
        <source>Revoke</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="295"/>
        <source>Revoke %1</source>
        <translation>%1 widerrufen</translation>
    </message>
</context>
<context>
    <name>ShortcutsSheet</name>
    <message>
        <location filename="../qml/ShortcutsSheet.qml" line="12"/>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <location filename="../qml/ShortcutsSheet.qml" line="26"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../qml/ShortcutsSheet.qml" line="30"/>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <location filename="../qml/ShortcutsSheet.qml" line="30"/>
        <source>New line</source>
        <translation>Neue Zeile</translation>
    </message>
    <message>
        <location filename="../qml/ShortcutsSheet.qml" line="30"/>
        <source>Stop the reply, cancel an edit</source>
        <translation>Antwort anhalten, Bearbeitung abbrechen</translation>
    </message>
    <message>
        <location filename="../qml/ShortcutsSheet.qml" line="31"/>
        <source>New chat</source>
        <translation>Neuer Chat</translation>
    </message>
    <message>
        <location filename="../qml/ShortcutsSheet.qml" line="31"/>
        <source>Search chats</source>
        <translation>Chats durchsuchen</translation>
    </message>
    <message>
        <location filename="../qml/ShortcutsSheet.qml" line="31"/>
        <source>Show or hide the sidebar</source>
        <translation>Seitenleiste ein- oder ausblenden</translation>
    </message>
    <message>
        <location filename="../qml/ShortcutsSheet.qml" line="32"/>
        <source>Rename the selected chat</source>
        <translation>Ausgewählten Chat umbenennen</translation>
    </message>
    <message>
        <location filename="../qml/ShortcutsSheet.qml" line="32"/>
        <source>Delete the selected chat</source>
        <translation>Ausgewählten Chat löschen</translation>
    </message>
    <message>
        <location filename="../qml/ShortcutsSheet.qml" line="33"/>
        <source>Previous / next branch of the focused message</source>
        <translation>Vorheriger / nächster Zweig der ausgewählten Nachricht</translation>
    </message>
    <message>
        <location filename="../qml/ShortcutsSheet.qml" line="34"/>
        <source>Copy the last reply</source>
        <translation>Letzte Antwort kopieren</translation>
    </message>
    <message>
        <location filename="../qml/ShortcutsSheet.qml" line="34"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../qml/ShortcutsSheet.qml" line="35"/>
        <source>Larger / smaller / normal text</source>
        <translation>Text größer / kleiner / normal</translation>
    </message>
    <message>
        <location filename="../qml/ShortcutsSheet.qml" line="35"/>
        <source>This sheet</source>
        <translation>Diese Übersicht</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <location filename="../qml/Sidebar.qml" line="50"/>
        <source>New chat</source>
        <translation>Neuer Chat</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="52"/>
        <source>New chat (Ctrl+N)</source>
        <translation>Neuer Chat (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="60"/>
        <source>Search chats (Ctrl+K)</source>
        <translation>Chats durchsuchen (Ctrl+K)</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="61"/>
        <source>Filter chats by title</source>
        <translation>Chats nach Titel filtern</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="99"/>
        <source>Chats</source>
        <translation>Chats</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="137"/>
        <source>No chat matches</source>
        <translation>Kein passender Chat</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="137"/>
        <source>No chats yet</source>
        <translation>Noch keine Chats</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="217"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="219"/>
        <source>Settings (Ctrl+,)</source>
        <translation>Einstellungen (Ctrl+,)</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="222"/>
        <source>Keyboard shortcuts (F1)</source>
        <translation>Tastenkürzel (F1)</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="147"/>
        <source>In messages</source>
        <translation>In Nachrichten</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="166"/>
        <source>Messages found</source>
        <translation>Gefundene Nachrichten</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="179"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>SidebarHandle</name>
    <message>
        <location filename="../qml/SidebarHandle.qml" line="18"/>
        <source>Resize sidebar</source>
        <translation>Seitenleiste in der Größe ändern</translation>
    </message>
    <message>
        <location filename="../qml/SidebarHandle.qml" line="19"/>
        <source>Sidebar width %1 pixels; Left and Right arrows resize it</source>
        <translation>Breite der Seitenleiste %1 Pixel; die Pfeiltasten links und rechts ändern sie</translation>
    </message>
</context>
<context>
    <name>SystemPromptDialog</name>
    <message>
        <location filename="../qml/SystemPromptDialog.qml" line="11"/>
        <location filename="../qml/SystemPromptDialog.qml" line="38"/>
        <source>System prompt</source>
        <translation>Systemprompt</translation>
    </message>
    <message>
        <location filename="../qml/SystemPromptDialog.qml" line="21"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../qml/SystemPromptDialog.qml" line="22"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location filename="../qml/SystemPromptDialog.qml" line="28"/>
        <source>Sent before the conversation with every request in this chat.</source>
        <translation>Wird in diesem Chat bei jeder Anfrage vor dem Gesprächsverlauf gesendet.</translation>
    </message>
    <message>
        <location filename="../qml/SystemPromptDialog.qml" line="36"/>
        <source>You are a helpful assistant…</source>
        <translation>Du bist ein hilfsbereiter Assistent…</translation>
    </message>
</context>
<context>
    <name>ThinkingBlock</name>
    <message>
        <location filename="../qml/ThinkingBlock.qml" line="24"/>
        <source>Thinking…</source>
        <translation>Denkt nach…</translation>
    </message>
    <message>
        <location filename="../qml/ThinkingBlock.qml" line="24"/>
        <source>Thinking</source>
        <translation>Gedankengang</translation>
    </message>
    <message>
        <location filename="../qml/ThinkingBlock.qml" line="26"/>
        <source>Hide the model&apos;s thinking</source>
        <translation>Gedankengang des Modells ausblenden</translation>
    </message>
    <message>
        <location filename="../qml/ThinkingBlock.qml" line="26"/>
        <source>Show the model&apos;s thinking</source>
        <translation>Gedankengang des Modells anzeigen</translation>
    </message>
</context>
<context>
    <name>ToolApprovalCard</name>
    <message>
        <location filename="../qml/ToolApprovalCard.qml" line="24"/>
        <source>A tool asks to run: %1 from %2</source>
        <translation>Ein Werkzeug möchte ausgeführt werden: %1 von %2</translation>
    </message>
    <message>
        <location filename="../qml/ToolApprovalCard.qml" line="35"/>
        <source>Allow the tool “%1” from “%2” to run?</source>
        <translation>Das Werkzeug „%1“ von „%2“ ausführen lassen?</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/ToolApprovalCard.qml" line="44"/>
        <source>%n more call(s) waiting</source>
        <translation>
            <numerusform>%n weiterer Aufruf wartet</numerusform>
            <numerusform>%n weitere Aufrufe warten</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/ToolApprovalCard.qml" line="82"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../qml/ToolApprovalCard.qml" line="88"/>
        <source>Deny</source>
        <translation>Ablehnen</translation>
    </message>
    <message>
        <location filename="../qml/ToolApprovalCard.qml" line="94"/>
        <source>Always allow</source>
        <translation>Immer erlauben</translation>
    </message>
    <message>
        <location filename="../qml/ToolApprovalCard.qml" line="101"/>
        <source>Allow once</source>
        <translation>Einmal erlauben</translation>
    </message>
</context>
<context>
    <name>ToolCallBlock</name>
    <message>
        <location filename="../qml/ToolCallBlock.qml" line="21"/>
        <source>waiting for approval</source>
        <translation>wartet auf Freigabe</translation>
    </message>
    <message>
        <location filename="../qml/ToolCallBlock.qml" line="22"/>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <location filename="../qml/ToolCallBlock.qml" line="23"/>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <location filename="../qml/ToolCallBlock.qml" line="24"/>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location filename="../qml/ToolCallBlock.qml" line="25"/>
        <source>denied</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <location filename="../qml/ToolCallBlock.qml" line="36"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../qml/ToolCallBlock.qml" line="38"/>
        <source>Tool call %1: %2</source>
        <translation>Werkzeugaufruf %1: %2</translation>
    </message>
    <message>
        <location filename="../qml/ToolCallBlock.qml" line="80"/>
        <source>Arguments</source>
        <translation>Argumente</translation>
    </message>
    <message>
        <location filename="../qml/ToolCallBlock.qml" line="93"/>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
</context>
<context>
    <name>ToolsController</name>
    <message>
        <location filename="../qml/controllers/toolscontroller.cpp" line="87"/>
        <source>Each environment line needs the form NAME=value.</source>
        <translation>Jede Umgebungszeile braucht die Form NAME=Wert.</translation>
    </message>
    <message>
        <location filename="../qml/controllers/toolscontroller.cpp" line="108"/>
        <source>Each header line needs the form Name: value.</source>
        <translation>Jede Header-Zeile braucht die Form Name: Wert.</translation>
    </message>
</context>
<context>
    <name>ToolsPanel</name>
    <message>
        <location filename="../qml/ToolsPanel.qml" line="45"/>
        <source>Tools let models act through MCP servers. Each call asks you first unless you always allow that tool.</source>
        <translation>Mit Werkzeugen können Modelle über MCP-Server handeln. Jeder Aufruf fragt dich zuerst, außer du erlaubst das Werkzeug immer.</translation>
    </message>
    <message>
        <location filename="../qml/ToolsPanel.qml" line="69"/>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <location filename="../qml/ToolsPanel.qml" line="70"/>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location filename="../qml/ToolsPanel.qml" line="70"/>
        <source>stopped</source>
        <translation>gestoppt</translation>
    </message>
    <message>
        <location filename="../qml/ToolsPanel.qml" line="75"/>
        <source>Disable</source>
        <translation>Deaktivieren</translation>
    </message>
    <message>
        <location filename="../qml/ToolsPanel.qml" line="75"/>
        <source>Enable</source>
        <translation>Aktivieren</translation>
    </message>
    <message>
        <location filename="../qml/ToolsPanel.qml" line="79"/>
        <source>Hide log</source>
        <translation>Protokoll ausblenden</translation>
    </message>
    <message>
        <location filename="../qml/ToolsPanel.qml" line="79"/>
        <source>Show log</source>
        <translation>Protokoll anzeigen</translation>
    </message>
    <message>
        <location filename="../qml/ToolsPanel.qml" line="84"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../qml/ToolsPanel.qml" line="100"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location filename="../qml/ToolsPanel.qml" line="114"/>
        <source>Nothing logged.</source>
        <translation>Nichts protokolliert.</translation>
    </message>
    <message>
        <location filename="../qml/ToolsPanel.qml" line="128"/>
        <source>Command (stdio)</source>
        <translation>Befehl (stdio)</translation>
    </message>
    <message>
        <location filename="../qml/ToolsPanel.qml" line="129"/>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <location filename="../qml/ToolsPanel.qml" line="131"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../qml/ToolsPanel.qml" line="132"/>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <location filename="../qml/ToolsPanel.qml" line="133"/>
        <source>Arguments, one a line</source>
        <translation>Argumente, eines pro Zeile</translation>
    </message>
    <message>
        <location filename="../qml/ToolsPanel.qml" line="134"/>
        <source>Environment, KEY=VALUE lines</source>
        <translation>Umgebung, Zeilen KEY=VALUE</translation>
    </message>
    <message>
        <location filename="../qml/ToolsPanel.qml" line="135"/>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <location filename="../qml/ToolsPanel.qml" line="136"/>
        <source>Headers, Name: value lines</source>
        <translation>Header, Zeilen Name: Wert</translation>
    </message>
    <message>
        <location filename="../qml/ToolsPanel.qml" line="142"/>
        <source>Add server</source>
        <translation>Server hinzufügen</translation>
    </message>
    <message>
        <location filename="../qml/ToolsPanel.qml" line="155"/>
        <source>Always allowed</source>
        <translation>Immer erlaubt</translation>
    </message>
    <message>
        <location filename="../qml/ToolsPanel.qml" line="167"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../qml/ToolsPanel.qml" line="175"/>
        <source>Revoke</source>
        <translation>Widerrufen</translation>
    </message>
</context>
<context>
    <name>ToolsToggle</name>
    <message>
        <location filename="../qml/ToolsToggle.qml" line="18"/>
        <source>Tools</source>
        <translation>Werkzeuge</translation>
    </message>
    <message>
        <location filename="../qml/ToolsToggle.qml" line="22"/>
        <source>Tools on: the model may call your tools</source>
        <translation>Werkzeuge an: Das Modell darf deine Werkzeuge aufrufen</translation>
    </message>
    <message>
        <location filename="../qml/ToolsToggle.qml" line="22"/>
        <source>Tools off</source>
        <translation>Werkzeuge aus</translation>
    </message>
</context>
<context>
    <name>TransferController</name>
    <message>
        <location filename="../qml/controllers/transfercontroller.cpp" line="71"/>
        <source>All chats exported to %1</source>
        <translation>Alle Chats nach %1 exportiert</translation>
    </message>
    <message>
        <location filename="../qml/controllers/transfercontroller.cpp" line="83"/>
        <source>This file is not a Teehee export or a ChatGPT conversations.json (%1).</source>
        <translation>Diese Datei ist kein Teehee-Export und keine conversations.json von ChatGPT (%1).</translation>
    </message>
    <message>
        <location filename="../qml/controllers/transfercontroller.cpp" line="88"/>
        <source>1 chat imported</source>
        <translation>1 Chat importiert</translation>
    </message>
    <message>
        <location filename="../qml/controllers/transfercontroller.cpp" line="89"/>
        <source>%1 chats imported</source>
        <translation>%1 Chats importiert</translation>
    </message>
    <message>
        <location filename="../qml/controllers/transfercontroller.cpp" line="91"/>
        <source>%1, %2 already there</source>
        <translation>%1, %2 schon vorhanden</translation>
    </message>
    <message>
        <location filename="../qml/controllers/transfercontroller.cpp" line="103"/>
        <source>Chat exported to %1</source>
        <translation>Chat nach %1 exportiert</translation>
    </message>
</context>
<context>
    <name>UsageController</name>
    <message>
        <location filename="../qml/controllers/usagecontroller.cpp" line="98"/>
        <source>&lt; %1</source>
        <translation>&lt; %1</translation>
    </message>
</context>
<context>
    <name>UsagePanel</name>
    <message>
        <location filename="../qml/UsagePanel.qml" line="43"/>
        <source>%1 in · %2 out</source>
        <translation>%1 ein · %2 aus</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/UsagePanel.qml" line="64"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/UsagePanel.qml" line="76"/>
        <source>%1 tokens in · %2 out</source>
        <translation>%1 Tokens ein · %2 aus</translation>
    </message>
    <message>
        <location filename="../qml/UsagePanel.qml" line="81"/>
        <source>No replies in these days yet.</source>
        <translation>In diesen Tagen noch keine Antworten.</translation>
    </message>
    <message>
        <location filename="../qml/UsagePanel.qml" line="83"/>
        <source>By model</source>
        <translation>Nach Modell</translation>
    </message>
    <message>
        <location filename="../qml/UsagePanel.qml" line="91"/>
        <source>By day</source>
        <translation>Nach Tag</translation>
    </message>
    <message>
        <location filename="../qml/UsagePanel.qml" line="100"/>
        <source>Costs use the providers&apos; list prices as of %1. Replies of models without a known price count their tokens only.</source>
        <translation>Die Kosten beruhen auf den Listenpreisen der Anbieter vom %1. Antworten von Modellen ohne bekannten Preis zählen nur ihre Tokens.</translation>
    </message>
</context>
<context>
    <name>WelcomeCard</name>
    <message>
        <location filename="../qml/WelcomeCard.qml" line="33"/>
        <source>Welcome to Teehee</source>
        <translation>Willkommen bei Teehee</translation>
    </message>
    <message>
        <location filename="../qml/WelcomeCard.qml" line="33"/>
        <source>What can I help with?</source>
        <translation>Wobei kann ich helfen?</translation>
    </message>
    <message>
        <location filename="../qml/WelcomeCard.qml" line="45"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../qml/WelcomeCard.qml" line="56"/>
        <source>Explain how a hash map works, with a short code example</source>
        <translation>Erkläre, wie eine Hashtabelle funktioniert, mit einem kurzen Codebeispiel</translation>
    </message>
    <message>
        <location filename="../qml/WelcomeCard.qml" line="57"/>
        <source>Draft a friendly reply declining a meeting</source>
        <translation>Entwirf eine freundliche Absage für ein Meeting</translation>
    </message>
    <message>
        <location filename="../qml/WelcomeCard.qml" line="58"/>
        <source>Compare SQLite and PostgreSQL in a table</source>
        <translation>Vergleiche SQLite und PostgreSQL in einer Tabelle</translation>
    </message>
    <message>
        <location filename="../qml/WelcomeCard.qml" line="59"/>
        <source>Write a Python script that renames photos by date</source>
        <translation>Schreibe ein Python-Skript, das Fotos nach Datum umbenennt</translation>
    </message>
    <message>
        <location filename="../qml/WelcomeCard.qml" line="80"/>
        <source>Add an API key to start chatting. It is kept encrypted on this computer.</source>
        <translation>Fügen Sie einen API-Schlüssel hinzu, um zu chatten. Er wird verschlüsselt auf diesem Computer gespeichert.</translation>
    </message>
    <message>
        <location filename="../qml/WelcomeCard.qml" line="94"/>
        <source>Looking for a local server (Ollama, LM Studio)…</source>
        <translation>Suche nach einem lokalen Server (Ollama, LM Studio)…</translation>
    </message>
    <message>
        <location filename="../qml/WelcomeCard.qml" line="95"/>
        <source>No local server found on ports 11434 (Ollama) or 1234 (LM Studio).</source>
        <translation>Kein lokaler Server auf Port 11434 (Ollama) oder 1234 (LM Studio) gefunden.</translation>
    </message>
    <message>
        <location filename="../qml/WelcomeCard.qml" line="96"/>
        <source>Found a model server on this computer:</source>
        <translation>Auf diesem Computer wurde ein Modellserver gefunden:</translation>
    </message>
    <message>
        <location filename="../qml/WelcomeCard.qml" line="102"/>
        <source>Use %1 (%2 models)</source>
        <translation>%1 verwenden (%2 Modelle)</translation>
    </message>
</context>
</TS>
