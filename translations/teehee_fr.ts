<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AccountController</name>
    <message>
        <location filename="../qml/controllers/accountcontroller.cpp" line="54"/>
        <source>No Teehee server answered at that address. Check it, and that the server is running.</source>
        <translation>Aucun serveur Teehee n’a répondu à cette adresse. Vérifiez-la, et que le serveur est lancé.</translation>
    </message>
    <message>
        <location filename="../qml/controllers/accountcontroller.cpp" line="56"/>
        <source>The server refused: check the email and password, or ask for a new code and approve it on your other device.</source>
        <translation>Le serveur a refusé : vérifiez l’e-mail et le mot de passe, ou demandez un nouveau code et approuvez-le sur votre autre appareil.</translation>
    </message>
    <message>
        <location filename="../qml/controllers/accountcontroller.cpp" line="58"/>
        <source>The pairing request ran out. Ask for a new code and try again.</source>
        <translation>La demande d’association a expiré. Demandez un nouveau code et réessayez.</translation>
    </message>
    <message>
        <location filename="../qml/controllers/accountcontroller.cpp" line="60"/>
        <source>That is not a server address. Type one such as 192.168.1.20:8765.</source>
        <translation>Ce n’est pas une adresse de serveur. Saisissez-en une comme 192.168.1.20:8765.</translation>
    </message>
</context>
<context>
    <name>AccountPanel</name>
    <message>
        <location filename="../qml/AccountPanel.qml" line="33"/>
        <source>This computer was signed out of %1 (its device was removed there). Sign in again to use it.</source>
        <translation>Cet ordinateur a été déconnecté de %1 (son appareil y a été retiré). Reconnectez-vous pour l’utiliser.</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="39"/>
        <source>Signed in to %1</source>
        <translation>Connecté à %1</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="40"/>
        <source>This computer: chats and keys are kept here.</source>
        <translation>Cet ordinateur : les conversations et les clés sont conservées ici.</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="45"/>
        <source>Use this computer instead</source>
        <translation>Utiliser plutôt cet ordinateur</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="51"/>
        <source>The server keeps these chats. This computer&apos;s own chats stay here and come back when you switch.</source>
        <translation>Le serveur conserve ces conversations. Celles de cet ordinateur restent ici et reviennent quand vous changez.</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="56"/>
        <source>Use a Teehee server…</source>
        <translation>Utiliser un serveur Teehee…</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="66"/>
        <source>Another computer&apos;s share (Settings → Sharing there) or a Teehee server. Paste its pairing link to pair without a password.</source>
        <translation>Le partage d’un autre ordinateur (là-bas Réglages → Partage) ou un serveur Teehee. Collez son lien d’association pour vous associer sans mot de passe.</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="71"/>
        <source>On this network: %1</source>
        <translation>Sur ce réseau : %1</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="83"/>
        <source>Server address or pairing link</source>
        <translation>Adresse du serveur ou lien d’association</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="87"/>
        <source>Continue</source>
        <translation>Continuer</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="93"/>
        <source>Reaching the server…</source>
        <translation>Connexion au serveur…</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="105"/>
        <source>Is this the server&apos;s certificate?</source>
        <translation>Est-ce le certificat du serveur ?</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="106"/>
        <source>Compare this fingerprint with the one the server shows (Settings → Sharing on that computer, or teehee-server --print-fingerprint). Trust it only if they are the same.</source>
        <translation>Comparez cette empreinte avec celle que montre le serveur (Réglages → Partage sur cet ordinateur, ou teehee-server --print-fingerprint). Ne lui faites confiance que si elles sont identiques.</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="119"/>
        <source>Trust this certificate</source>
        <translation>Faire confiance à ce certificat</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="120"/>
        <location filename="../qml/AccountPanel.qml" line="169"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="134"/>
        <source>Pair with a code</source>
        <translation>S’associer avec un code</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="135"/>
        <source>On a device already signed in, open Settings → Sharing (or Devices) and show the pairing code.</source>
        <translation>Sur un appareil déjà connecté, ouvrez Réglages → Partage (ou Appareils) et affichez le code d’association.</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="136"/>
        <source>Pairing code</source>
        <translation>Code d’association</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="138"/>
        <source>Pair</source>
        <translation>Associer</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="144"/>
        <source>Or sign in</source>
        <translation>Ou connectez-vous</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="145"/>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="146"/>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="148"/>
        <source>Sign in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="152"/>
        <source>Signing in…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="158"/>
        <source>Approve this computer on your other device</source>
        <translation>Approuvez cet ordinateur sur votre autre appareil</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="159"/>
        <source>It asks to approve &quot;%1&quot;. Approve only if it shows the same number:</source>
        <translation>Il demande d’approuver « %1 ». N’approuvez que s’il affiche le même nombre :</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="167"/>
        <source>Verification number %1</source>
        <translation>Numéro de vérification %1</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="171"/>
        <source>Signed in. Opening the server&apos;s chats…</source>
        <translation>Connecté. Ouverture des conversations du serveur…</translation>
    </message>
</context>
<context>
    <name>AppStatus</name>
    <message>
        <location filename="../qml/appstatus.cpp" line="33"/>
        <source>Starting…</source>
        <translation>Démarrage…</translation>
    </message>
    <message>
        <location filename="../qml/appstatus.cpp" line="34"/>
        <source>Ready</source>
        <translation>Prêt</translation>
    </message>
</context>
<context>
    <name>AttachmentTray</name>
    <message>
        <location filename="../qml/AttachmentTray.qml" line="14"/>
        <source>%1 B</source>
        <translation>%1 o</translation>
    </message>
    <message>
        <location filename="../qml/AttachmentTray.qml" line="16"/>
        <source>%1 KB</source>
        <translation>%1 Ko</translation>
    </message>
    <message>
        <location filename="../qml/AttachmentTray.qml" line="17"/>
        <source>%1 MB</source>
        <translation>%1 Mo</translation>
    </message>
    <message>
        <location filename="../qml/AttachmentTray.qml" line="68"/>
        <source>Uploading…</source>
        <translation>Envoi en cours…</translation>
    </message>
    <message>
        <location filename="../qml/AttachmentTray.qml" line="77"/>
        <source>Remove “%1”</source>
        <translation>Retirer « %1 »</translation>
    </message>
</context>
<context>
    <name>BranchSwitcher</name>
    <message>
        <location filename="../qml/BranchSwitcher.qml" line="18"/>
        <source>Branch %1 of %2</source>
        <translation>Branche %1 sur %2</translation>
    </message>
    <message>
        <location filename="../qml/BranchSwitcher.qml" line="25"/>
        <source>Previous branch (Alt+←)</source>
        <translation>Branche précédente (Alt+←)</translation>
    </message>
    <message>
        <location filename="../qml/BranchSwitcher.qml" line="39"/>
        <source>Next branch (Alt+→)</source>
        <translation>Branche suivante (Alt+→)</translation>
    </message>
</context>
<context>
    <name>ChatExportDialog</name>
    <message>
        <location filename="../qml/ChatExportDialog.qml" line="13"/>
        <source>Export as Markdown</source>
        <translation>Exporter en Markdown</translation>
    </message>
    <message>
        <location filename="../qml/ChatExportDialog.qml" line="13"/>
        <source>Export as JSON</source>
        <translation>Exporter en JSON</translation>
    </message>
    <message>
        <location filename="../qml/ChatExportDialog.qml" line="15"/>
        <source>Markdown files (*.md)</source>
        <translation>Fichiers Markdown (*.md)</translation>
    </message>
    <message>
        <location filename="../qml/ChatExportDialog.qml" line="15"/>
        <source>JSON files (*.json)</source>
        <translation>Fichiers JSON (*.json)</translation>
    </message>
</context>
<context>
    <name>ChatHeader</name>
    <message>
        <location filename="../qml/ChatHeader.qml" line="24"/>
        <source>Hide sidebar (Ctrl+B)</source>
        <translation>Masquer la barre latérale (Ctrl+B)</translation>
    </message>
    <message>
        <location filename="../qml/ChatHeader.qml" line="24"/>
        <source>Show sidebar (Ctrl+B)</source>
        <translation>Afficher la barre latérale (Ctrl+B)</translation>
    </message>
    <message>
        <location filename="../qml/ChatHeader.qml" line="29"/>
        <source>New chat</source>
        <translation>Nouvelle discussion</translation>
    </message>
    <message>
        <location filename="../qml/ChatHeader.qml" line="43"/>
        <source>%1 tokens · %2</source>
        <translation>%1 jetons · %2</translation>
    </message>
    <message>
        <location filename="../qml/ChatHeader.qml" line="45"/>
        <source>%1 tokens</source>
        <translation>%1 jetons</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/ChatHeader.qml" line="51"/>
        <source>This branch: %1 in, %2 out over %n replies</source>
        <translation>
            <numerusform>Cette branche : %1 en entrée, %2 en sortie sur %n réponse</numerusform>
            <numerusform>Cette branche : %1 en entrée, %2 en sortie sur %n réponses</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/ChatHeader.qml" line="56"/>
        <source>System prompt ✓</source>
        <translation>Prompt système ✓</translation>
    </message>
    <message>
        <location filename="../qml/ChatHeader.qml" line="56"/>
        <source>System prompt</source>
        <translation>Prompt système</translation>
    </message>
</context>
<context>
    <name>ChatListDelegate</name>
    <message>
        <location filename="../qml/ChatListDelegate.qml" line="67"/>
        <source>Chat name</source>
        <translation>Nom de la discussion</translation>
    </message>
    <message>
        <location filename="../qml/ChatListDelegate.qml" line="82"/>
        <source>Chat actions</source>
        <translation>Actions de la discussion</translation>
    </message>
    <message>
        <location filename="../qml/ChatListDelegate.qml" line="91"/>
        <source>Rename</source>
        <translation>Renommer</translation>
    </message>
    <message>
        <location filename="../qml/ChatListDelegate.qml" line="92"/>
        <source>Fork</source>
        <translation>Dupliquer</translation>
    </message>
    <message>
        <location filename="../qml/ChatListDelegate.qml" line="93"/>
        <source>Export as Markdown…</source>
        <translation>Exporter en Markdown…</translation>
    </message>
    <message>
        <location filename="../qml/ChatListDelegate.qml" line="94"/>
        <source>Export as JSON…</source>
        <translation>Exporter en JSON…</translation>
    </message>
    <message>
        <location filename="../qml/ChatListDelegate.qml" line="95"/>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
</context>
<context>
    <name>ChatListModel</name>
    <message>
        <location filename="../qml/models/chatlistmodel.cpp" line="42"/>
        <source>Today</source>
        <translation>Aujourd’hui</translation>
    </message>
    <message>
        <location filename="../qml/models/chatlistmodel.cpp" line="44"/>
        <source>Yesterday</source>
        <translation>Hier</translation>
    </message>
    <message>
        <location filename="../qml/models/chatlistmodel.cpp" line="46"/>
        <source>Previous 7 days</source>
        <translation>7 derniers jours</translation>
    </message>
    <message>
        <location filename="../qml/models/chatlistmodel.cpp" line="47"/>
        <source>Older</source>
        <translation>Plus ancien</translation>
    </message>
    <message>
        <location filename="../qml/models/chatlistmodel.cpp" line="52"/>
        <source>New chat</source>
        <translation>Nouvelle discussion</translation>
    </message>
</context>
<context>
    <name>CodeBlock</name>
    <message>
        <location filename="../qml/CodeBlock.qml" line="19"/>
        <source>%1 code</source>
        <translation>Code %1</translation>
    </message>
    <message>
        <location filename="../qml/CodeBlock.qml" line="19"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../qml/CodeBlock.qml" line="33"/>
        <source>code</source>
        <translation>code</translation>
    </message>
    <message>
        <location filename="../qml/CodeBlock.qml" line="46"/>
        <source>Copied</source>
        <translation>Copié</translation>
    </message>
    <message>
        <location filename="../qml/CodeBlock.qml" line="46"/>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <location filename="../qml/CodeBlock.qml" line="52"/>
        <source>Copy code</source>
        <translation>Copier le code</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <location filename="../qml/Composer.qml" line="30"/>
        <source>Wait until the files are uploaded.</source>
        <translation>Attendez que les fichiers soient envoyés.</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="41"/>
        <source>Attach files</source>
        <translation>Joindre des fichiers</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="43"/>
        <source>Images, PDF and text (%1)</source>
        <translation>Images, PDF et texte (%1)</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="44"/>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="92"/>
        <source>Message Teehee…  (Enter sends, Shift+Enter for a new line)</source>
        <translation>Écrire à Teehee…  (Enter pour envoyer, Shift+Enter pour un saut de ligne)</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="99"/>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="123"/>
        <source>Attach files (images, PDF, text)</source>
        <translation>Joindre des fichiers (images, PDF, texte)</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="153"/>
        <source>Stop (Esc)</source>
        <translation>Arrêter (Esc)</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="153"/>
        <source>Send (Enter)</source>
        <translation>Envoyer (Enter)</translation>
    </message>
</context>
<context>
    <name>ContextMeter</name>
    <message numerus="yes">
        <location filename="../qml/controllers/contextmeter.cpp" line="69"/>
        <source>%Ln tokens (the model&apos;s context window is not known)</source>
        <translation>
            <numerusform>%Ln jeton (la fenêtre de contexte du modèle est inconnue)</numerusform>
            <numerusform>%Ln jetons (la fenêtre de contexte du modèle est inconnue)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/controllers/contextmeter.cpp" line="70"/>
        <source>%1 of %2 tokens</source>
        <translation>%1 sur %2 jetons</translation>
    </message>
</context>
<context>
    <name>ContextRing</name>
    <message>
        <location filename="../qml/ContextRing.qml" line="18"/>
        <source>Context window: %1</source>
        <translation>Fenêtre de contexte : %1</translation>
    </message>
    <message>
        <location filename="../qml/ContextRing.qml" line="50"/>
        <source>%1 (estimated)</source>
        <translation>%1 (estimation)</translation>
    </message>
</context>
<context>
    <name>ConversationView</name>
    <message>
        <location filename="../qml/ConversationView.qml" line="77"/>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <location filename="../qml/ConversationView.qml" line="183"/>
        <source>Jump to latest</source>
        <translation>Aller au plus récent</translation>
    </message>
</context>
<context>
    <name>DataPanel</name>
    <message>
        <location filename="../qml/DataPanel.qml" line="29"/>
        <source>Export all chats…</source>
        <translation>Exporter toutes les discussions…</translation>
    </message>
    <message>
        <location filename="../qml/DataPanel.qml" line="35"/>
        <source>Import…</source>
        <translation>Importer…</translation>
    </message>
    <message>
        <location filename="../qml/DataPanel.qml" line="40"/>
        <source>Imports take Teehee exports and ChatGPT&apos;s conversations.json. Chats already imported are skipped.</source>
        <translation>L’import accepte les exports Teehee et le conversations.json de ChatGPT. Les discussions déjà importées sont ignorées.</translation>
    </message>
    <message>
        <location filename="../qml/DataPanel.qml" line="47"/>
        <source>Importing</source>
        <translation>Import en cours</translation>
    </message>
    <message>
        <location filename="../qml/DataPanel.qml" line="47"/>
        <source>Exporting</source>
        <translation>Export en cours</translation>
    </message>
    <message>
        <location filename="../qml/DataPanel.qml" line="59"/>
        <source>Export all chats</source>
        <translation>Exporter toutes les discussions</translation>
    </message>
    <message>
        <location filename="../qml/DataPanel.qml" line="61"/>
        <location filename="../qml/DataPanel.qml" line="70"/>
        <source>JSON files (*.json)</source>
        <translation>Fichiers JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../qml/DataPanel.qml" line="68"/>
        <source>Import chats</source>
        <translation>Importer des discussions</translation>
    </message>
    <message>
        <location filename="../qml/DataPanel.qml" line="70"/>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
</context>
<context>
    <name>FailureText</name>
    <message>
        <location filename="../qml/controllers/failuretext.cpp" line="13"/>
        <source>There is no API key for this provider yet. Add one in Settings, then retry.</source>
        <translation>Ce fournisseur n’a pas encore de clé API. Ajoutez-en une dans les réglages, puis réessayez.</translation>
    </message>
    <message>
        <location filename="../qml/controllers/failuretext.cpp" line="15"/>
        <source>The provider refused the API key. Check or replace it in Settings, then retry.</source>
        <translation>Le fournisseur a refusé la clé API. Vérifiez-la ou remplacez-la dans les réglages, puis réessayez.</translation>
    </message>
    <message>
        <location filename="../qml/controllers/failuretext.cpp" line="17"/>
        <source>No model is chosen for this provider. Pick one in the model menu.</source>
        <translation>Aucun modèle n’est choisi pour ce fournisseur. Choisissez-en un dans le menu des modèles.</translation>
    </message>
    <message>
        <location filename="../qml/controllers/failuretext.cpp" line="19"/>
        <source>This provider is not available. Pick another model.</source>
        <translation>Ce fournisseur n’est pas disponible. Choisissez un autre modèle.</translation>
    </message>
    <message>
        <location filename="../qml/controllers/failuretext.cpp" line="21"/>
        <source>A reply is still being written in this chat. Stop it or wait for it to finish.</source>
        <translation>Une réponse est encore en cours dans ce chat. Arrêtez-la ou attendez qu’elle se termine.</translation>
    </message>
    <message>
        <location filename="../qml/controllers/failuretext.cpp" line="23"/>
        <source>This reply cannot be continued.</source>
        <translation>Cette réponse ne peut pas être poursuivie.</translation>
    </message>
    <message>
        <location filename="../qml/controllers/failuretext.cpp" line="25"/>
        <source>That is no longer there.</source>
        <translation>Cet élément n’existe plus.</translation>
    </message>
    <message>
        <location filename="../qml/controllers/failuretext.cpp" line="27"/>
        <source>Too many requests right now. Try again in a moment.</source>
        <translation>Trop de requêtes pour le moment. Réessayez dans un instant.</translation>
    </message>
    <message>
        <location filename="../qml/controllers/failuretext.cpp" line="29"/>
        <source>Not allowed.</source>
        <translation>Non autorisé.</translation>
    </message>
    <message>
        <location filename="../qml/controllers/failuretext.cpp" line="31"/>
        <source>The chats cannot be reached right now.</source>
        <translation>Les chats sont inaccessibles pour le moment.</translation>
    </message>
    <message>
        <location filename="../qml/controllers/failuretext.cpp" line="33"/>
        <source>This model cannot read images. Choose one that can in the model menu, then retry.</source>
        <translation>Ce modèle ne sait pas lire les images. Choisissez-en un qui le peut dans le menu des modèles, puis réessayez.</translation>
    </message>
    <message>
        <location filename="../qml/controllers/failuretext.cpp" line="35"/>
        <source>That is too large to send.</source>
        <translation>C’est trop volumineux pour être envoyé.</translation>
    </message>
    <message>
        <location filename="../qml/controllers/failuretext.cpp" line="37"/>
        <source>That kind of file cannot be attached. Images (PNG, JPEG, GIF, WebP), PDF and text files can.</source>
        <translation>Ce type de fichier ne peut pas être joint. Les images (PNG, JPEG, GIF, WebP), les PDF et les fichiers texte le peuvent.</translation>
    </message>
    <message>
        <location filename="../qml/controllers/failuretext.cpp" line="39"/>
        <source>The server&apos;s certificate is not the one you confirmed. Someone may be in between: check the server before you sign in again.</source>
        <translation>Le certificat du serveur n’est pas celui que vous avez confirmé. Quelqu’un s’est peut-être interposé : vérifiez le serveur avant de vous reconnecter.</translation>
    </message>
    <message>
        <location filename="../qml/controllers/failuretext.cpp" line="41"/>
        <source>The file could not be read or written. Check where it is and that you may use it.</source>
        <translation>Le fichier n’a pas pu être lu ou écrit. Vérifiez où il se trouve et que vous pouvez l’utiliser.</translation>
    </message>
    <message>
        <location filename="../qml/controllers/failuretext.cpp" line="43"/>
        <source>This was answered on another device.</source>
        <translation>Cela a déjà été répondu sur un autre appareil.</translation>
    </message>
    <message>
        <location filename="../qml/controllers/failuretext.cpp" line="48"/>
        <source>Something went wrong.</source>
        <translation>Une erreur s’est produite.</translation>
    </message>
</context>
<context>
    <name>KeyForm</name>
    <message>
        <location filename="../qml/KeyForm.qml" line="38"/>
        <source>%1 API key</source>
        <translation>Clé d’API %1</translation>
    </message>
    <message>
        <location filename="../qml/KeyForm.qml" line="42"/>
        <source>Test</source>
        <translation>Tester</translation>
    </message>
    <message>
        <location filename="../qml/KeyForm.qml" line="44"/>
        <source>Testing…</source>
        <translation>Test en cours…</translation>
    </message>
    <message>
        <location filename="../qml/KeyForm.qml" line="48"/>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location filename="../qml/KeyForm.qml" line="64"/>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
</context>
<context>
    <name>LanguageController</name>
    <message>
        <location filename="../qml/languagecontroller.cpp" line="95"/>
        <source>System default</source>
        <translation>Langue du système</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/Main.qml" line="100"/>
        <source>Reconnecting… Replies go on on the server and continue here when it is back.</source>
        <translation>Reconnexion… Les réponses continuent sur le serveur et reprennent ici dès son retour.</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="119"/>
        <source>Teehee could not start: %1</source>
        <translation>Teehee n’a pas pu démarrer&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="186"/>
        <source>Drop files to attach them</source>
        <translation>Déposez des fichiers pour les joindre</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="199"/>
        <source>Deleted “%1”</source>
        <translation>« %1 » supprimé</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="199"/>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="221"/>
        <source>“%1” asks to use your chats (number %2)</source>
        <translation>« %1 » demande à utiliser vos discussions (numéro %2)</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="222"/>
        <source>Review</source>
        <translation>Examiner</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="239"/>
        <source>Reply finished: %1</source>
        <translation>Réponse terminée&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="239"/>
        <source>Reply stopped: %1</source>
        <translation>Réponse arrêtée&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>MessageActions</name>
    <message>
        <location filename="../qml/MessageActions.qml" line="31"/>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <location filename="../qml/MessageActions.qml" line="32"/>
        <source>Edit</source>
        <translation>Modifier</translation>
    </message>
    <message>
        <location filename="../qml/MessageActions.qml" line="33"/>
        <source>Regenerate</source>
        <translation>Régénérer</translation>
    </message>
    <message>
        <location filename="../qml/MessageActions.qml" line="34"/>
        <source>Continue</source>
        <translation>Continuer</translation>
    </message>
    <message>
        <location filename="../qml/MessageActions.qml" line="35"/>
        <source>Fork into a new chat from here</source>
        <translation>Créer une nouvelle discussion à partir d’ici</translation>
    </message>
    <message>
        <location filename="../qml/MessageActions.qml" line="36"/>
        <source>Delete message</source>
        <translation>Supprimer le message</translation>
    </message>
    <message>
        <location filename="../qml/MessageActions.qml" line="46"/>
        <source>Sent %1</source>
        <translation>Envoyé %1</translation>
    </message>
</context>
<context>
    <name>MessageAttachments</name>
    <message>
        <location filename="../qml/MessageAttachments.qml" line="16"/>
        <source>%1 B</source>
        <translation>%1 o</translation>
    </message>
    <message>
        <location filename="../qml/MessageAttachments.qml" line="18"/>
        <source>%1 KB</source>
        <translation>%1 Ko</translation>
    </message>
    <message>
        <location filename="../qml/MessageAttachments.qml" line="19"/>
        <source>%1 MB</source>
        <translation>%1 Mo</translation>
    </message>
    <message>
        <location filename="../qml/MessageAttachments.qml" line="44"/>
        <source>Image: %1</source>
        <translation>Image : %1</translation>
    </message>
    <message>
        <location filename="../qml/MessageAttachments.qml" line="65"/>
        <source>Image unavailable</source>
        <translation>Image indisponible</translation>
    </message>
    <message>
        <location filename="../qml/MessageAttachments.qml" line="121"/>
        <source>“%1” was removed</source>
        <translation>« %1 » a été supprimé</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <location filename="../qml/MessageDelegate.qml" line="51"/>
        <source>You said</source>
        <translation>Vous avez écrit</translation>
    </message>
    <message>
        <location filename="../qml/MessageDelegate.qml" line="51"/>
        <source>Reply</source>
        <translation>Réponse</translation>
    </message>
    <message>
        <location filename="../qml/MessageDelegate.qml" line="51"/>
        <source>writing…</source>
        <translation>rédaction…</translation>
    </message>
    <message>
        <location filename="../qml/MessageDelegate.qml" line="91"/>
        <source>%1 tokens in, %2 out</source>
        <translation>%1 jetons en entrée, %2 en sortie</translation>
    </message>
    <message>
        <location filename="../qml/MessageDelegate.qml" line="92"/>
        <source>Cost: %1</source>
        <translation>Coût : %1</translation>
    </message>
</context>
<context>
    <name>MessageEditor</name>
    <message>
        <location filename="../qml/MessageEditor.qml" line="26"/>
        <source>Edit message</source>
        <translation>Modifier le message</translation>
    </message>
    <message>
        <location filename="../qml/MessageEditor.qml" line="37"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../qml/MessageEditor.qml" line="38"/>
        <source>Save &amp; submit</source>
        <translation>Enregistrer et envoyer</translation>
    </message>
</context>
<context>
    <name>MessageNotice</name>
    <message>
        <location filename="../qml/MessageNotice.qml" line="58"/>
        <source>The reply failed.</source>
        <translation>La réponse a échoué.</translation>
    </message>
    <message>
        <location filename="../qml/MessageNotice.qml" line="54"/>
        <source>Stopped</source>
        <translation>Arrêté</translation>
    </message>
    <message>
        <location filename="../qml/MessageNotice.qml" line="32"/>
        <source>Rate limited</source>
        <translation>Limite de débit atteinte</translation>
    </message>
    <message>
        <location filename="../qml/MessageNotice.qml" line="55"/>
        <source>Rate limited — retry in %1 s</source>
        <translation>Limite de débit atteinte — nouvel essai dans %1 s</translation>
    </message>
    <message>
        <location filename="../qml/MessageNotice.qml" line="56"/>
        <location filename="../qml/MessageNotice.qml" line="57"/>
        <source>Rate limited — you can retry now</source>
        <translation>Limite de débit atteinte — vous pouvez réessayer maintenant</translation>
    </message>
    <message>
        <location filename="../qml/MessageNotice.qml" line="67"/>
        <source>Open settings</source>
        <translation>Ouvrir les paramètres</translation>
    </message>
    <message>
        <location filename="../qml/MessageNotice.qml" line="67"/>
        <source>Add key</source>
        <translation>Ajouter une clé</translation>
    </message>
    <message>
        <location filename="../qml/MessageNotice.qml" line="75"/>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <location filename="../qml/MessageNotice.qml" line="81"/>
        <source>Continue</source>
        <translation>Continuer</translation>
    </message>
</context>
<context>
    <name>ModelOptions</name>
    <message>
        <location filename="../qml/ModelOptions.qml" line="24"/>
        <location filename="../qml/ModelOptions.qml" line="97"/>
        <source>Default</source>
        <translation>Par défaut</translation>
    </message>
    <message>
        <location filename="../qml/ModelOptions.qml" line="29"/>
        <source>Parameters for this chat</source>
        <translation>Paramètres de ce chat</translation>
    </message>
    <message>
        <location filename="../qml/ModelOptions.qml" line="40"/>
        <location filename="../qml/ModelOptions.qml" line="48"/>
        <source>Temperature</source>
        <translation>Température</translation>
    </message>
    <message>
        <location filename="../qml/ModelOptions.qml" line="52"/>
        <source>default</source>
        <translation>par défaut</translation>
    </message>
    <message>
        <location filename="../qml/ModelOptions.qml" line="65"/>
        <source>Longest reply</source>
        <translation>Réponse la plus longue</translation>
    </message>
    <message>
        <location filename="../qml/ModelOptions.qml" line="75"/>
        <source>Longest reply, in tokens</source>
        <translation>Réponse la plus longue, en jetons</translation>
    </message>
    <message>
        <location filename="../qml/ModelOptions.qml" line="78"/>
        <source>tokens</source>
        <translation>jetons</translation>
    </message>
    <message>
        <location filename="../qml/ModelOptions.qml" line="88"/>
        <location filename="../qml/ModelOptions.qml" line="103"/>
        <source>Reasoning effort</source>
        <translation>Effort de raisonnement</translation>
    </message>
    <message>
        <location filename="../qml/ModelOptions.qml" line="98"/>
        <source>Low</source>
        <translation>Faible</translation>
    </message>
    <message>
        <location filename="../qml/ModelOptions.qml" line="99"/>
        <source>Medium</source>
        <translation>Moyen</translation>
    </message>
    <message>
        <location filename="../qml/ModelOptions.qml" line="100"/>
        <source>High</source>
        <translation>Élevé</translation>
    </message>
    <message>
        <location filename="../qml/ModelOptions.qml" line="112"/>
        <location filename="../qml/ModelOptions.qml" line="116"/>
        <source>Extended thinking</source>
        <translation>Réflexion étendue</translation>
    </message>
</context>
<context>
    <name>ModelPicker</name>
    <message>
        <location filename="../qml/ModelPicker.qml" line="15"/>
        <source>Choose a model</source>
        <translation>Choisir un modèle</translation>
    </message>
    <message>
        <location filename="../qml/ModelPicker.qml" line="22"/>
        <source>Model: %1 (%2)</source>
        <translation>Modèle&#xa0;: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../qml/ModelPicker.qml" line="37"/>
        <source>no key</source>
        <translation>aucune clé</translation>
    </message>
    <message>
        <location filename="../qml/ModelPicker.qml" line="69"/>
        <source>Search models</source>
        <translation>Rechercher des modèles</translation>
    </message>
    <message>
        <location filename="../qml/ModelPicker.qml" line="81"/>
        <source>Models</source>
        <translation>Modèles</translation>
    </message>
    <message>
        <location filename="../qml/ModelPicker.qml" line="122"/>
        <source>Make it the default for new chats</source>
        <translation>En faire le modèle par défaut des nouvelles discussions</translation>
    </message>
</context>
<context>
    <name>PendingAttachments</name>
    <message>
        <location filename="../qml/controllers/pendingattachments.cpp" line="83"/>
        <source>“%1” is too large: a file may have at most %2.</source>
        <translation>« %1 » est trop volumineux : un fichier peut faire au plus %2.</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/controllers/pendingattachments.cpp" line="90"/>
        <source>A message can carry at most %n files.</source>
        <translation>
            <numerusform>Un message peut contenir au plus %n fichier.</numerusform>
            <numerusform>Un message peut contenir au plus %n fichiers.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/controllers/pendingattachments.cpp" line="102"/>
        <source>“%1” is not a file on this computer.</source>
        <translation>« %1 » n’est pas un fichier de cet ordinateur.</translation>
    </message>
    <message>
        <location filename="../qml/controllers/pendingattachments.cpp" line="110"/>
        <location filename="../qml/controllers/pendingattachments.cpp" line="217"/>
        <source>“%1” cannot be attached: images (PNG, JPEG, GIF, WebP), PDF and text files can.</source>
        <translation>« %1 » ne peut pas être joint : les images (PNG, JPEG, GIF, WebP), les PDF et les fichiers texte le peuvent.</translation>
    </message>
    <message>
        <location filename="../qml/controllers/pendingattachments.cpp" line="140"/>
        <source>“%1” could not be read.</source>
        <translation>Impossible de lire « %1 ».</translation>
    </message>
    <message>
        <location filename="../qml/controllers/pendingattachments.cpp" line="160"/>
        <source>Pasted image %1.png</source>
        <translation>Image collée %1.png</translation>
    </message>
    <message>
        <location filename="../qml/controllers/pendingattachments.cpp" line="218"/>
        <source>“%1” was not attached: %2</source>
        <translation>« %1 » n’a pas été joint : %2</translation>
    </message>
    <message>
        <location filename="../qml/controllers/pendingattachments.cpp" line="260"/>
        <source>%1 cannot read images. Choose a model that can, or remove the images.</source>
        <translation>%1 ne sait pas lire les images. Choisissez un modèle qui le peut, ou retirez les images.</translation>
    </message>
</context>
<context>
    <name>SettingsController</name>
    <message>
        <location filename="../qml/controllers/settingscontroller.cpp" line="132"/>
        <source>Custom endpoint</source>
        <translation>Point de terminaison personnalisé</translation>
    </message>
    <message>
        <location filename="../qml/controllers/settingscontroller.cpp" line="204"/>
        <source>Local server</source>
        <translation>Serveur local</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/controllers/settingscontroller.cpp" line="221"/>
        <source>The key works: %n model(s) available.</source>
        <translation>
            <numerusform>La clé fonctionne : %n modèle disponible.</numerusform>
            <numerusform>La clé fonctionne : %n modèles disponibles.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="13"/>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="25"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="59"/>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="62"/>
        <source>Providers &amp; keys</source>
        <translation>Fournisseurs et clés</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="71"/>
        <location filename="../qml/SettingsDialog.qml" line="113"/>
        <source>Test</source>
        <translation>Tester</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="71"/>
        <source>Test %1</source>
        <translation>Tester %1</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="72"/>
        <source>Testing…</source>
        <translation>Test en cours…</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="73"/>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="73"/>
        <source>Delete the %1 key</source>
        <translation>Supprimer la clé %1</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="95"/>
        <source>No keys yet.</source>
        <translation>Aucune clé pour l’instant.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="98"/>
        <source>Also available from the environment: %1</source>
        <translation>Également disponible depuis l’environnement&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="100"/>
        <source>Add or replace a key:</source>
        <translation>Ajouter ou remplacer une clé&#xa0;:</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="103"/>
        <source>Custom OpenAI-compatible endpoint</source>
        <translation>Point de terminaison personnalisé compatible OpenAI</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="104"/>
        <source>Ollama, LM Studio, vLLM, llama.cpp, OpenRouter… The key is optional for local servers.</source>
        <translation>Ollama, LM Studio, vLLM, llama.cpp, OpenRouter… La clé est facultative pour les serveurs locaux.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="105"/>
        <source>Add as many as you use: each one is its own choice in the model chip. Saving under an existing name replaces that endpoint.</source>
        <translation>Ajoutez-en autant que vous en utilisez : chacun est un choix distinct dans le sélecteur de modèle. Enregistrer sous un nom existant remplace ce point d’accès.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="109"/>
        <source>Name, e.g. Ollama</source>
        <translation>Nom, par ex. Ollama</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="110"/>
        <source>Base URL</source>
        <translation>URL de base</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="111"/>
        <source>API key (optional)</source>
        <translation>Clé d’API (facultative)</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="114"/>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="119"/>
        <source>Default model</source>
        <translation>Modèle par défaut</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="120"/>
        <source>New chats start with %1 · %2. Choose another one from the model chip in the composer and make it the default there.</source>
        <translation>Les nouvelles discussions commencent avec %1 · %2. Choisissez-en un autre avec le sélecteur de modèle de la zone de saisie et définissez-le comme modèle par défaut.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="123"/>
        <source>Appearance</source>
        <translation>Apparence</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="126"/>
        <source>System</source>
        <translation>Système</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="127"/>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="128"/>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="131"/>
        <location filename="../qml/SettingsDialog.qml" line="136"/>
        <source>Text size</source>
        <translation>Taille du texte</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="142"/>
        <location filename="../qml/SettingsDialog.qml" line="146"/>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="206"/>
        <source>Sharing</source>
        <translation>Partage</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="209"/>
        <source>Usage</source>
        <translation>Utilisation</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="212"/>
        <source>Tools</source>
        <translation>Outils</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="215"/>
        <source>Data</source>
        <translation>Données</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="217"/>
        <source>Chats are kept by %1</source>
        <translation>Les conversations sont conservées par %1</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="218"/>
        <source>Chats are stored in %1</source>
        <translation>Les discussions sont enregistrées dans %1</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="219"/>
        <source>Data folder: %1</source>
        <translation>Dossier de données&#xa0;: %1</translation>
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
        <translation>Partager sur ce réseau</translation>
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
        <translation>Le partage n’a pas pu démarrer : %1</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="81"/>
        <source>Starting…</source>
        <translation>Démarrage…</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="82"/>
        <source>Other devices on this network can use your chats and keys after you let them in here. The connection is encrypted.</source>
        <translation>Les autres appareils de ce réseau peuvent utiliser vos discussions et vos clés une fois que vous les avez acceptés ici. La connexion est chiffrée.</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="91"/>
        <source>Open on another device</source>
        <translation>Ouvrir sur un autre appareil</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="97"/>
        <source>Pair a phone or tablet</source>
        <translation>Associer un téléphone ou une tablette</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="98"/>
        <source>Scan this code with the other device&apos;s camera, then compare the number it shows with the one below.</source>
        <translation>Scannez ce code avec l’appareil photo de l’autre appareil, puis comparez le numéro qu’il affiche avec celui ci-dessous.</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="112"/>
        <source>QR code of the pairing link</source>
        <translation>Code QR du lien d’association</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="124"/>
        <source>Valid for %1:%2</source>
        <translation>Valable encore %1:%2</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="126"/>
        <source>Making a new code…</source>
        <translation>Création d’un nouveau code…</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="128"/>
        <source>New code</source>
        <translation>Nouveau code</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="130"/>
        <source>SHA-256 fingerprint</source>
        <translation>Empreinte SHA-256</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="132"/>
        <source>A device that asks you to trust a certificate should show this same fingerprint.</source>
        <translation>Un appareil qui vous demande de faire confiance à un certificat doit afficher cette même empreinte.</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="136"/>
        <source>Waiting for approval</source>
        <translation>En attente d’approbation</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="152"/>
        <source>Number %1</source>
        <translation>Numéro %1</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="156"/>
        <source>Approve</source>
        <translation>Approuver</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="158"/>
        <source>Approve %1</source>
        <translation>Approuver %1</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="163"/>
        <source>Deny</source>
        <translation>Refuser</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="164"/>
        <source>Deny %1</source>
        <translation>Refuser %1</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="171"/>
        <source>Replies running from other devices</source>
        <translation>Réponses en cours depuis d’autres appareils</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="181"/>
        <source>%1 in “%2”</source>
        <translation>%1 dans « %2 »</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="181"/>
        <source>Another device</source>
        <translation>Un autre appareil</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="182"/>
        <source>New chat</source>
        <translation>Nouvelle conversation</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="195"/>
        <source>Your keys</source>
        <translation>Vos clés</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="198"/>
        <source>People with their own account here can always add their own keys. Yours stay hidden from them either way.</source>
        <translation>Les personnes qui ont leur propre compte ici peuvent toujours ajouter leurs propres clés. Les vôtres leur restent cachées dans tous les cas.</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="206"/>
        <source>Let other people use my %1 key</source>
        <translation>Permettre aux autres personnes d’utiliser ma clé %1</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="222"/>
        <source>Accounts for other people</source>
        <translation>Comptes pour d’autres personnes</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="231"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="243"/>
        <source>Create account</source>
        <translation>Créer le compte</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="188"/>
        <location filename="../qml/SharingPanel.qml" line="264"/>
        <source>Since %1</source>
        <translation>Depuis le %1</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="223"/>
        <source>Each person gets chats of their own. They sign in on the shared address with the name and the password you give them (8 characters or more).</source>
        <translation>Chaque personne a ses propres conversations. Elle se connecte à l’adresse partagée avec le nom et le mot de passe que vous lui donnez (8 caractères ou plus).</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="238"/>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="270"/>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="272"/>
        <source>Remove %1</source>
        <translation>Supprimer %1</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="278"/>
        <source>Paired devices</source>
        <translation>Appareils associés</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="288"/>
        <source>Last seen %1</source>
        <translation>Vu pour la dernière fois %1</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="293"/>
        <source>Revoke</source>
        <translation>Révoquer</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="295"/>
        <source>Revoke %1</source>
        <translation>Révoquer %1</translation>
    </message>
</context>
<context>
    <name>ShortcutsSheet</name>
    <message>
        <location filename="../qml/ShortcutsSheet.qml" line="12"/>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <location filename="../qml/ShortcutsSheet.qml" line="26"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../qml/ShortcutsSheet.qml" line="30"/>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <location filename="../qml/ShortcutsSheet.qml" line="30"/>
        <source>New line</source>
        <translation>Nouvelle ligne</translation>
    </message>
    <message>
        <location filename="../qml/ShortcutsSheet.qml" line="30"/>
        <source>Stop the reply, cancel an edit</source>
        <translation>Arrêter la réponse, annuler une modification</translation>
    </message>
    <message>
        <location filename="../qml/ShortcutsSheet.qml" line="31"/>
        <source>New chat</source>
        <translation>Nouvelle discussion</translation>
    </message>
    <message>
        <location filename="../qml/ShortcutsSheet.qml" line="31"/>
        <source>Search chats</source>
        <translation>Rechercher dans les discussions</translation>
    </message>
    <message>
        <location filename="../qml/ShortcutsSheet.qml" line="31"/>
        <source>Show or hide the sidebar</source>
        <translation>Afficher ou masquer la barre latérale</translation>
    </message>
    <message>
        <location filename="../qml/ShortcutsSheet.qml" line="32"/>
        <source>Rename the selected chat</source>
        <translation>Renommer la discussion sélectionnée</translation>
    </message>
    <message>
        <location filename="../qml/ShortcutsSheet.qml" line="32"/>
        <source>Delete the selected chat</source>
        <translation>Supprimer la discussion sélectionnée</translation>
    </message>
    <message>
        <location filename="../qml/ShortcutsSheet.qml" line="33"/>
        <source>Previous / next branch of the focused message</source>
        <translation>Branche précédente / suivante du message sélectionné</translation>
    </message>
    <message>
        <location filename="../qml/ShortcutsSheet.qml" line="34"/>
        <source>Copy the last reply</source>
        <translation>Copier la dernière réponse</translation>
    </message>
    <message>
        <location filename="../qml/ShortcutsSheet.qml" line="34"/>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location filename="../qml/ShortcutsSheet.qml" line="35"/>
        <source>Larger / smaller / normal text</source>
        <translation>Texte plus grand / plus petit / normal</translation>
    </message>
    <message>
        <location filename="../qml/ShortcutsSheet.qml" line="35"/>
        <source>This sheet</source>
        <translation>Cette aide</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <location filename="../qml/Sidebar.qml" line="50"/>
        <source>New chat</source>
        <translation>Nouvelle discussion</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="52"/>
        <source>New chat (Ctrl+N)</source>
        <translation>Nouvelle discussion (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="60"/>
        <source>Search chats (Ctrl+K)</source>
        <translation>Rechercher (Ctrl+K)</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="61"/>
        <source>Filter chats by title</source>
        <translation>Filtrer les discussions par titre</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="99"/>
        <source>Chats</source>
        <translation>Discussions</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="137"/>
        <source>No chat matches</source>
        <translation>Aucune discussion ne correspond</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="137"/>
        <source>No chats yet</source>
        <translation>Aucune discussion pour l’instant</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="217"/>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="219"/>
        <source>Settings (Ctrl+,)</source>
        <translation>Paramètres (Ctrl+,)</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="222"/>
        <source>Keyboard shortcuts (F1)</source>
        <translation>Raccourcis clavier (F1)</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="147"/>
        <source>In messages</source>
        <translation>Dans les messages</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="166"/>
        <source>Messages found</source>
        <translation>Messages trouvés</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="179"/>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
</context>
<context>
    <name>SidebarHandle</name>
    <message>
        <location filename="../qml/SidebarHandle.qml" line="18"/>
        <source>Resize sidebar</source>
        <translation>Redimensionner la barre latérale</translation>
    </message>
    <message>
        <location filename="../qml/SidebarHandle.qml" line="19"/>
        <source>Sidebar width %1 pixels; Left and Right arrows resize it</source>
        <translation>Largeur de la barre latérale : %1 pixels ; les flèches gauche et droite la modifient</translation>
    </message>
</context>
<context>
    <name>SystemPromptDialog</name>
    <message>
        <location filename="../qml/SystemPromptDialog.qml" line="11"/>
        <location filename="../qml/SystemPromptDialog.qml" line="38"/>
        <source>System prompt</source>
        <translation>Prompt système</translation>
    </message>
    <message>
        <location filename="../qml/SystemPromptDialog.qml" line="21"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../qml/SystemPromptDialog.qml" line="22"/>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location filename="../qml/SystemPromptDialog.qml" line="28"/>
        <source>Sent before the conversation with every request in this chat.</source>
        <translation>Envoyé avant la conversation à chaque requête de cette discussion.</translation>
    </message>
    <message>
        <location filename="../qml/SystemPromptDialog.qml" line="36"/>
        <source>You are a helpful assistant…</source>
        <translation>Tu es un assistant serviable…</translation>
    </message>
</context>
<context>
    <name>ThinkingBlock</name>
    <message>
        <location filename="../qml/ThinkingBlock.qml" line="24"/>
        <source>Thinking…</source>
        <translation>Réflexion…</translation>
    </message>
    <message>
        <location filename="../qml/ThinkingBlock.qml" line="24"/>
        <source>Thinking</source>
        <translation>Réflexion</translation>
    </message>
    <message>
        <location filename="../qml/ThinkingBlock.qml" line="26"/>
        <source>Hide the model&apos;s thinking</source>
        <translation>Masquer la réflexion du modèle</translation>
    </message>
    <message>
        <location filename="../qml/ThinkingBlock.qml" line="26"/>
        <source>Show the model&apos;s thinking</source>
        <translation>Afficher la réflexion du modèle</translation>
    </message>
</context>
<context>
    <name>ToolApprovalCard</name>
    <message>
        <location filename="../qml/ToolApprovalCard.qml" line="24"/>
        <source>A tool asks to run: %1 from %2</source>
        <translation>Un outil demande à s’exécuter : %1 de %2</translation>
    </message>
    <message>
        <location filename="../qml/ToolApprovalCard.qml" line="35"/>
        <source>Allow the tool “%1” from “%2” to run?</source>
        <translation>Autoriser l’outil « %1 » de « %2 » à s’exécuter ?</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/ToolApprovalCard.qml" line="44"/>
        <source>%n more call(s) waiting</source>
        <translation>
            <numerusform>%n autre appel en attente</numerusform>
            <numerusform>%n autres appels en attente</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/ToolApprovalCard.qml" line="82"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../qml/ToolApprovalCard.qml" line="88"/>
        <source>Deny</source>
        <translation>Refuser</translation>
    </message>
    <message>
        <location filename="../qml/ToolApprovalCard.qml" line="94"/>
        <source>Always allow</source>
        <translation>Toujours autoriser</translation>
    </message>
    <message>
        <location filename="../qml/ToolApprovalCard.qml" line="101"/>
        <source>Allow once</source>
        <translation>Autoriser une fois</translation>
    </message>
</context>
<context>
    <name>ToolCallBlock</name>
    <message>
        <location filename="../qml/ToolCallBlock.qml" line="21"/>
        <source>waiting for approval</source>
        <translation>en attente d’approbation</translation>
    </message>
    <message>
        <location filename="../qml/ToolCallBlock.qml" line="22"/>
        <source>running</source>
        <translation>en cours</translation>
    </message>
    <message>
        <location filename="../qml/ToolCallBlock.qml" line="23"/>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <location filename="../qml/ToolCallBlock.qml" line="24"/>
        <source>error</source>
        <translation>erreur</translation>
    </message>
    <message>
        <location filename="../qml/ToolCallBlock.qml" line="25"/>
        <source>denied</source>
        <translation>refusé</translation>
    </message>
    <message>
        <location filename="../qml/ToolCallBlock.qml" line="36"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../qml/ToolCallBlock.qml" line="38"/>
        <source>Tool call %1: %2</source>
        <translation>Appel d’outil %1 : %2</translation>
    </message>
    <message>
        <location filename="../qml/ToolCallBlock.qml" line="80"/>
        <source>Arguments</source>
        <translation>Arguments</translation>
    </message>
    <message>
        <location filename="../qml/ToolCallBlock.qml" line="93"/>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
</context>
<context>
    <name>ToolsController</name>
    <message>
        <location filename="../qml/controllers/toolscontroller.cpp" line="87"/>
        <source>Each environment line needs the form NAME=value.</source>
        <translation>Chaque ligne d’environnement doit avoir la forme NOM=valeur.</translation>
    </message>
    <message>
        <location filename="../qml/controllers/toolscontroller.cpp" line="108"/>
        <source>Each header line needs the form Name: value.</source>
        <translation>Chaque ligne d’en-tête doit avoir la forme Nom : valeur.</translation>
    </message>
</context>
<context>
    <name>ToolsPanel</name>
    <message>
        <location filename="../qml/ToolsPanel.qml" line="45"/>
        <source>Tools let models act through MCP servers. Each call asks you first unless you always allow that tool.</source>
        <translation>Les outils permettent aux modèles d’agir via des serveurs MCP. Chaque appel vous demande d’abord, sauf si vous autorisez toujours cet outil.</translation>
    </message>
    <message>
        <location filename="../qml/ToolsPanel.qml" line="69"/>
        <source>running</source>
        <translation>en cours</translation>
    </message>
    <message>
        <location filename="../qml/ToolsPanel.qml" line="70"/>
        <source>error</source>
        <translation>erreur</translation>
    </message>
    <message>
        <location filename="../qml/ToolsPanel.qml" line="70"/>
        <source>stopped</source>
        <translation>arrêté</translation>
    </message>
    <message>
        <location filename="../qml/ToolsPanel.qml" line="75"/>
        <source>Disable</source>
        <translation>Désactiver</translation>
    </message>
    <message>
        <location filename="../qml/ToolsPanel.qml" line="75"/>
        <source>Enable</source>
        <translation>Activer</translation>
    </message>
    <message>
        <location filename="../qml/ToolsPanel.qml" line="79"/>
        <source>Hide log</source>
        <translation>Masquer le journal</translation>
    </message>
    <message>
        <location filename="../qml/ToolsPanel.qml" line="79"/>
        <source>Show log</source>
        <translation>Afficher le journal</translation>
    </message>
    <message>
        <location filename="../qml/ToolsPanel.qml" line="84"/>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location filename="../qml/ToolsPanel.qml" line="100"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location filename="../qml/ToolsPanel.qml" line="114"/>
        <source>Nothing logged.</source>
        <translation>Rien dans le journal.</translation>
    </message>
    <message>
        <location filename="../qml/ToolsPanel.qml" line="128"/>
        <source>Command (stdio)</source>
        <translation>Commande (stdio)</translation>
    </message>
    <message>
        <location filename="../qml/ToolsPanel.qml" line="129"/>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <location filename="../qml/ToolsPanel.qml" line="131"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../qml/ToolsPanel.qml" line="132"/>
        <source>Command</source>
        <translation>Commande</translation>
    </message>
    <message>
        <location filename="../qml/ToolsPanel.qml" line="133"/>
        <source>Arguments, one a line</source>
        <translation>Arguments, un par ligne</translation>
    </message>
    <message>
        <location filename="../qml/ToolsPanel.qml" line="134"/>
        <source>Environment, KEY=VALUE lines</source>
        <translation>Environnement, lignes CLÉ=VALEUR</translation>
    </message>
    <message>
        <location filename="../qml/ToolsPanel.qml" line="135"/>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <location filename="../qml/ToolsPanel.qml" line="136"/>
        <source>Headers, Name: value lines</source>
        <translation>En-têtes, lignes Nom : valeur</translation>
    </message>
    <message>
        <location filename="../qml/ToolsPanel.qml" line="142"/>
        <source>Add server</source>
        <translation>Ajouter le serveur</translation>
    </message>
    <message>
        <location filename="../qml/ToolsPanel.qml" line="155"/>
        <source>Always allowed</source>
        <translation>Toujours autorisés</translation>
    </message>
    <message>
        <location filename="../qml/ToolsPanel.qml" line="167"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../qml/ToolsPanel.qml" line="175"/>
        <source>Revoke</source>
        <translation>Révoquer</translation>
    </message>
</context>
<context>
    <name>ToolsToggle</name>
    <message>
        <location filename="../qml/ToolsToggle.qml" line="18"/>
        <source>Tools</source>
        <translation>Outils</translation>
    </message>
    <message>
        <location filename="../qml/ToolsToggle.qml" line="22"/>
        <source>Tools on: the model may call your tools</source>
        <translation>Outils activés : le modèle peut appeler vos outils</translation>
    </message>
    <message>
        <location filename="../qml/ToolsToggle.qml" line="22"/>
        <source>Tools off</source>
        <translation>Outils désactivés</translation>
    </message>
</context>
<context>
    <name>TransferController</name>
    <message>
        <location filename="../qml/controllers/transfercontroller.cpp" line="71"/>
        <source>All chats exported to %1</source>
        <translation>Toutes les discussions exportées vers %1</translation>
    </message>
    <message>
        <location filename="../qml/controllers/transfercontroller.cpp" line="83"/>
        <source>This file is not a Teehee export or a ChatGPT conversations.json (%1).</source>
        <translation>Ce fichier n’est ni un export Teehee ni un conversations.json de ChatGPT (%1).</translation>
    </message>
    <message>
        <location filename="../qml/controllers/transfercontroller.cpp" line="88"/>
        <source>1 chat imported</source>
        <translation>1 discussion importée</translation>
    </message>
    <message>
        <location filename="../qml/controllers/transfercontroller.cpp" line="89"/>
        <source>%1 chats imported</source>
        <translation>%1 discussions importées</translation>
    </message>
    <message>
        <location filename="../qml/controllers/transfercontroller.cpp" line="91"/>
        <source>%1, %2 already there</source>
        <translation>%1, %2 déjà présentes</translation>
    </message>
    <message>
        <location filename="../qml/controllers/transfercontroller.cpp" line="103"/>
        <source>Chat exported to %1</source>
        <translation>Discussion exportée vers %1</translation>
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
        <translation>%1 en entrée · %2 en sortie</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/UsagePanel.qml" line="64"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n jour</numerusform>
            <numerusform>%n jours</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/UsagePanel.qml" line="76"/>
        <source>%1 tokens in · %2 out</source>
        <translation>%1 jetons en entrée · %2 en sortie</translation>
    </message>
    <message>
        <location filename="../qml/UsagePanel.qml" line="81"/>
        <source>No replies in these days yet.</source>
        <translation>Pas encore de réponses sur ces jours.</translation>
    </message>
    <message>
        <location filename="../qml/UsagePanel.qml" line="83"/>
        <source>By model</source>
        <translation>Par modèle</translation>
    </message>
    <message>
        <location filename="../qml/UsagePanel.qml" line="91"/>
        <source>By day</source>
        <translation>Par jour</translation>
    </message>
    <message>
        <location filename="../qml/UsagePanel.qml" line="100"/>
        <source>Costs use the providers&apos; list prices as of %1. Replies of models without a known price count their tokens only.</source>
        <translation>Les coûts utilisent les prix publics des fournisseurs au %1. Les réponses des modèles sans prix connu ne comptent que leurs jetons.</translation>
    </message>
</context>
<context>
    <name>WelcomeCard</name>
    <message>
        <location filename="../qml/WelcomeCard.qml" line="33"/>
        <source>Welcome to Teehee</source>
        <translation>Bienvenue dans Teehee</translation>
    </message>
    <message>
        <location filename="../qml/WelcomeCard.qml" line="33"/>
        <source>What can I help with?</source>
        <translation>Comment puis-je vous aider&#x202f;?</translation>
    </message>
    <message>
        <location filename="../qml/WelcomeCard.qml" line="45"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../qml/WelcomeCard.qml" line="56"/>
        <source>Explain how a hash map works, with a short code example</source>
        <translation>Explique le fonctionnement d’une table de hachage avec un court exemple de code</translation>
    </message>
    <message>
        <location filename="../qml/WelcomeCard.qml" line="57"/>
        <source>Draft a friendly reply declining a meeting</source>
        <translation>Rédige une réponse aimable pour décliner une réunion</translation>
    </message>
    <message>
        <location filename="../qml/WelcomeCard.qml" line="58"/>
        <source>Compare SQLite and PostgreSQL in a table</source>
        <translation>Compare SQLite et PostgreSQL dans un tableau</translation>
    </message>
    <message>
        <location filename="../qml/WelcomeCard.qml" line="59"/>
        <source>Write a Python script that renames photos by date</source>
        <translation>Écris un script Python qui renomme des photos selon leur date</translation>
    </message>
    <message>
        <location filename="../qml/WelcomeCard.qml" line="80"/>
        <source>Add an API key to start chatting. It is kept encrypted on this computer.</source>
        <translation>Ajoutez une clé d’API pour commencer à discuter. Elle est conservée chiffrée sur cet ordinateur.</translation>
    </message>
    <message>
        <location filename="../qml/WelcomeCard.qml" line="94"/>
        <source>Looking for a local server (Ollama, LM Studio)…</source>
        <translation>Recherche d’un serveur local (Ollama, LM Studio)…</translation>
    </message>
    <message>
        <location filename="../qml/WelcomeCard.qml" line="95"/>
        <source>No local server found on ports 11434 (Ollama) or 1234 (LM Studio).</source>
        <translation>Aucun serveur local trouvé sur les ports 11434 (Ollama) ou 1234 (LM Studio).</translation>
    </message>
    <message>
        <location filename="../qml/WelcomeCard.qml" line="96"/>
        <source>Found a model server on this computer:</source>
        <translation>Serveur de modèles trouvé sur cet ordinateur&#xa0;:</translation>
    </message>
    <message>
        <location filename="../qml/WelcomeCard.qml" line="102"/>
        <source>Use %1 (%2 models)</source>
        <translation>Utiliser %1 (%2 modèles)</translation>
    </message>
</context>
</TS>
