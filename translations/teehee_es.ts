<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>AccountController</name>
    <message>
        <location filename="../qml/controllers/accountcontroller.cpp" line="54"/>
        <source>No Teehee server answered at that address. Check it, and that the server is running.</source>
        <translation>Ningún servidor Teehee respondió en esa dirección. Compruébela y que el servidor esté en marcha.</translation>
    </message>
    <message>
        <location filename="../qml/controllers/accountcontroller.cpp" line="56"/>
        <source>The server refused: check the email and password, or ask for a new code and approve it on your other device.</source>
        <translation>El servidor lo rechazó: compruebe el correo y la contraseña, o pida un código nuevo y apruébelo en su otro dispositivo.</translation>
    </message>
    <message>
        <location filename="../qml/controllers/accountcontroller.cpp" line="58"/>
        <source>The pairing request ran out. Ask for a new code and try again.</source>
        <translation>La solicitud de vinculación caducó. Pida un código nuevo y vuelva a intentarlo.</translation>
    </message>
    <message>
        <location filename="../qml/controllers/accountcontroller.cpp" line="60"/>
        <source>That is not a server address. Type one such as 192.168.1.20:8765.</source>
        <translation>Eso no es una dirección de servidor. Escriba una como 192.168.1.20:8765.</translation>
    </message>
</context>
<context>
    <name>AccountPanel</name>
    <message>
        <location filename="../qml/AccountPanel.qml" line="33"/>
        <source>This computer was signed out of %1 (its device was removed there). Sign in again to use it.</source>
        <translation>Este equipo se desconectó de %1 (allí se quitó su dispositivo). Vuelva a iniciar sesión para usarlo.</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="39"/>
        <source>Signed in to %1</source>
        <translation>Sesión iniciada en %1</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="40"/>
        <source>This computer: chats and keys are kept here.</source>
        <translation>Este equipo: los chats y las claves se guardan aquí.</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="45"/>
        <source>Use this computer instead</source>
        <translation>Usar este equipo en su lugar</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="51"/>
        <source>The server keeps these chats. This computer&apos;s own chats stay here and come back when you switch.</source>
        <translation>El servidor guarda estos chats. Los chats propios de este equipo se quedan aquí y vuelven al cambiar de nuevo.</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="56"/>
        <source>Use a Teehee server…</source>
        <translation>Usar un servidor Teehee…</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="66"/>
        <source>Another computer&apos;s share (Settings → Sharing there) or a Teehee server. Paste its pairing link to pair without a password.</source>
        <translation>Lo que comparte otro equipo (allí Ajustes → Compartir) o un servidor Teehee. Pegue su enlace de vinculación para vincular sin contraseña.</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="71"/>
        <source>On this network: %1</source>
        <translation>En esta red: %1</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="83"/>
        <source>Server address or pairing link</source>
        <translation>Dirección del servidor o enlace de vinculación</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="87"/>
        <source>Continue</source>
        <translation>Continuar</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="93"/>
        <source>Reaching the server…</source>
        <translation>Conectando con el servidor…</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="105"/>
        <source>Is this the server&apos;s certificate?</source>
        <translation>¿Es este el certificado del servidor?</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="106"/>
        <source>Compare this fingerprint with the one the server shows (Settings → Sharing on that computer, or teehee-server --print-fingerprint). Trust it only if they are the same.</source>
        <translation>Compare esta huella con la que muestra el servidor (Ajustes → Compartir en ese equipo, o teehee-server --print-fingerprint). Confíe en ella solo si son iguales.</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="119"/>
        <source>Trust this certificate</source>
        <translation>Confiar en este certificado</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="120"/>
        <location filename="../qml/AccountPanel.qml" line="169"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="134"/>
        <source>Pair with a code</source>
        <translation>Vincular con un código</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="135"/>
        <source>On a device already signed in, open Settings → Sharing (or Devices) and show the pairing code.</source>
        <translation>En un dispositivo que ya haya iniciado sesión, abra Ajustes → Compartir (o Dispositivos) y muestre el código de vinculación.</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="136"/>
        <source>Pairing code</source>
        <translation>Código de vinculación</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="138"/>
        <source>Pair</source>
        <translation>Vincular</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="144"/>
        <source>Or sign in</source>
        <translation>O inicie sesión</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="145"/>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="146"/>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="148"/>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="152"/>
        <source>Signing in…</source>
        <translation>Iniciando sesión…</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="158"/>
        <source>Approve this computer on your other device</source>
        <translation>Apruebe este equipo en su otro dispositivo</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="159"/>
        <source>It asks to approve &quot;%1&quot;. Approve only if it shows the same number:</source>
        <translation>Le pedirá aprobar «%1». Apruébelo solo si muestra el mismo número:</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="167"/>
        <source>Verification number %1</source>
        <translation>Número de verificación %1</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="171"/>
        <source>Signed in. Opening the server&apos;s chats…</source>
        <translation>Sesión iniciada. Abriendo los chats del servidor…</translation>
    </message>
</context>
<context>
    <name>AppStatus</name>
    <message>
        <location filename="../qml/appstatus.cpp" line="33"/>
        <source>Starting…</source>
        <translation>Iniciando…</translation>
    </message>
    <message>
        <location filename="../qml/appstatus.cpp" line="34"/>
        <source>Ready</source>
        <translation>Listo</translation>
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
        <translation>Subiendo…</translation>
    </message>
    <message>
        <location filename="../qml/AttachmentTray.qml" line="77"/>
        <source>Remove “%1”</source>
        <translation>Quitar «%1»</translation>
    </message>
</context>
<context>
    <name>BranchSwitcher</name>
    <message>
        <location filename="../qml/BranchSwitcher.qml" line="18"/>
        <source>Branch %1 of %2</source>
        <translation>Rama %1 de %2</translation>
    </message>
    <message>
        <location filename="../qml/BranchSwitcher.qml" line="25"/>
        <source>Previous branch (Alt+←)</source>
        <translation>Rama anterior (Alt+←)</translation>
    </message>
    <message>
        <location filename="../qml/BranchSwitcher.qml" line="39"/>
        <source>Next branch (Alt+→)</source>
        <translation>Rama siguiente (Alt+→)</translation>
    </message>
</context>
<context>
    <name>ChatExportDialog</name>
    <message>
        <location filename="../qml/ChatExportDialog.qml" line="13"/>
        <source>Export as Markdown</source>
        <translation>Exportar como Markdown</translation>
    </message>
    <message>
        <location filename="../qml/ChatExportDialog.qml" line="13"/>
        <source>Export as JSON</source>
        <translation>Exportar como JSON</translation>
    </message>
    <message>
        <location filename="../qml/ChatExportDialog.qml" line="15"/>
        <source>Markdown files (*.md)</source>
        <translation>Archivos Markdown (*.md)</translation>
    </message>
    <message>
        <location filename="../qml/ChatExportDialog.qml" line="15"/>
        <source>JSON files (*.json)</source>
        <translation>Archivos JSON (*.json)</translation>
    </message>
</context>
<context>
    <name>ChatHeader</name>
    <message>
        <location filename="../qml/ChatHeader.qml" line="24"/>
        <source>Hide sidebar (Ctrl+B)</source>
        <translation>Ocultar la barra lateral (Ctrl+B)</translation>
    </message>
    <message>
        <location filename="../qml/ChatHeader.qml" line="24"/>
        <source>Show sidebar (Ctrl+B)</source>
        <translation>Mostrar la barra lateral (Ctrl+B)</translation>
    </message>
    <message>
        <location filename="../qml/ChatHeader.qml" line="29"/>
        <source>New chat</source>
        <translation>Nuevo chat</translation>
    </message>
    <message>
        <location filename="../qml/ChatHeader.qml" line="43"/>
        <source>%1 tokens · %2</source>
        <translation>%1 tokens · %2</translation>
    </message>
    <message>
        <location filename="../qml/ChatHeader.qml" line="45"/>
        <source>%1 tokens</source>
        <translation>%1 tokens</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/ChatHeader.qml" line="51"/>
        <source>This branch: %1 in, %2 out over %n replies</source>
        <translation>
            <numerusform>Esta rama: %1 de entrada, %2 de salida en %n respuesta</numerusform>
            <numerusform>Esta rama: %1 de entrada, %2 de salida en %n respuestas</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/ChatHeader.qml" line="56"/>
        <source>System prompt ✓</source>
        <translation>Prompt del sistema ✓</translation>
    </message>
    <message>
        <location filename="../qml/ChatHeader.qml" line="56"/>
        <source>System prompt</source>
        <translation>Prompt del sistema</translation>
    </message>
</context>
<context>
    <name>ChatListDelegate</name>
    <message>
        <location filename="../qml/ChatListDelegate.qml" line="67"/>
        <source>Chat name</source>
        <translation>Nombre del chat</translation>
    </message>
    <message>
        <location filename="../qml/ChatListDelegate.qml" line="82"/>
        <source>Chat actions</source>
        <translation>Acciones del chat</translation>
    </message>
    <message>
        <location filename="../qml/ChatListDelegate.qml" line="91"/>
        <source>Rename</source>
        <translation>Cambiar nombre</translation>
    </message>
    <message>
        <location filename="../qml/ChatListDelegate.qml" line="92"/>
        <source>Fork</source>
        <translation>Bifurcar</translation>
    </message>
    <message>
        <location filename="../qml/ChatListDelegate.qml" line="93"/>
        <source>Export as Markdown…</source>
        <translation>Exportar como Markdown…</translation>
    </message>
    <message>
        <location filename="../qml/ChatListDelegate.qml" line="94"/>
        <source>Export as JSON…</source>
        <translation>Exportar como JSON…</translation>
    </message>
    <message>
        <location filename="../qml/ChatListDelegate.qml" line="95"/>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
</context>
<context>
    <name>ChatListModel</name>
    <message>
        <location filename="../qml/models/chatlistmodel.cpp" line="42"/>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <location filename="../qml/models/chatlistmodel.cpp" line="44"/>
        <source>Yesterday</source>
        <translation>Ayer</translation>
    </message>
    <message>
        <location filename="../qml/models/chatlistmodel.cpp" line="46"/>
        <source>Previous 7 days</source>
        <translation>Últimos 7 días</translation>
    </message>
    <message>
        <location filename="../qml/models/chatlistmodel.cpp" line="47"/>
        <source>Older</source>
        <translation>Anteriores</translation>
    </message>
    <message>
        <location filename="../qml/models/chatlistmodel.cpp" line="52"/>
        <source>New chat</source>
        <translation>Nuevo chat</translation>
    </message>
</context>
<context>
    <name>CodeBlock</name>
    <message>
        <location filename="../qml/CodeBlock.qml" line="19"/>
        <source>%1 code</source>
        <translation>Código %1</translation>
    </message>
    <message>
        <location filename="../qml/CodeBlock.qml" line="19"/>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <location filename="../qml/CodeBlock.qml" line="33"/>
        <source>code</source>
        <translation>código</translation>
    </message>
    <message>
        <location filename="../qml/CodeBlock.qml" line="46"/>
        <source>Copied</source>
        <translation>Copiado</translation>
    </message>
    <message>
        <location filename="../qml/CodeBlock.qml" line="46"/>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <location filename="../qml/CodeBlock.qml" line="52"/>
        <source>Copy code</source>
        <translation>Copiar el código</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <location filename="../qml/Composer.qml" line="30"/>
        <source>Wait until the files are uploaded.</source>
        <translation>Espera a que se suban los archivos.</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="41"/>
        <source>Attach files</source>
        <translation>Adjuntar archivos</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="43"/>
        <source>Images, PDF and text (%1)</source>
        <translation>Imágenes, PDF y texto (%1)</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="44"/>
        <source>All files (*)</source>
        <translation>Todos los archivos (*)</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="92"/>
        <source>Message Teehee…  (Enter sends, Shift+Enter for a new line)</source>
        <translation>Escribe a Teehee…  (Enter envía, Shift+Enter para una línea nueva)</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="99"/>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="123"/>
        <source>Attach files (images, PDF, text)</source>
        <translation>Adjuntar archivos (imágenes, PDF, texto)</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="153"/>
        <source>Stop (Esc)</source>
        <translation>Detener (Esc)</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="153"/>
        <source>Send (Enter)</source>
        <translation>Enviar (Enter)</translation>
    </message>
</context>
<context>
    <name>ContextMeter</name>
    <message numerus="yes">
        <location filename="../qml/controllers/contextmeter.cpp" line="69"/>
        <source>%Ln tokens (the model&apos;s context window is not known)</source>
        <translation>
            <numerusform>%Ln token (no se conoce la ventana de contexto del modelo)</numerusform>
            <numerusform>%Ln tokens (no se conoce la ventana de contexto del modelo)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/controllers/contextmeter.cpp" line="70"/>
        <source>%1 of %2 tokens</source>
        <translation>%1 de %2 tokens</translation>
    </message>
</context>
<context>
    <name>ContextRing</name>
    <message>
        <location filename="../qml/ContextRing.qml" line="18"/>
        <source>Context window: %1</source>
        <translation>Ventana de contexto: %1</translation>
    </message>
    <message>
        <location filename="../qml/ContextRing.qml" line="50"/>
        <source>%1 (estimated)</source>
        <translation>%1 (estimado)</translation>
    </message>
</context>
<context>
    <name>ConversationView</name>
    <message>
        <location filename="../qml/ConversationView.qml" line="77"/>
        <source>Messages</source>
        <translation>Mensajes</translation>
    </message>
    <message>
        <location filename="../qml/ConversationView.qml" line="183"/>
        <source>Jump to latest</source>
        <translation>Ir al más reciente</translation>
    </message>
</context>
<context>
    <name>DataPanel</name>
    <message>
        <location filename="../qml/DataPanel.qml" line="29"/>
        <source>Export all chats…</source>
        <translation>Exportar todos los chats…</translation>
    </message>
    <message>
        <location filename="../qml/DataPanel.qml" line="35"/>
        <source>Import…</source>
        <translation>Importar…</translation>
    </message>
    <message>
        <location filename="../qml/DataPanel.qml" line="40"/>
        <source>Imports take Teehee exports and ChatGPT&apos;s conversations.json. Chats already imported are skipped.</source>
        <translation>Se importan exportaciones de Teehee y el conversations.json de ChatGPT. Los chats ya importados se omiten.</translation>
    </message>
    <message>
        <location filename="../qml/DataPanel.qml" line="47"/>
        <source>Importing</source>
        <translation>Importando</translation>
    </message>
    <message>
        <location filename="../qml/DataPanel.qml" line="47"/>
        <source>Exporting</source>
        <translation>Exportando</translation>
    </message>
    <message>
        <location filename="../qml/DataPanel.qml" line="59"/>
        <source>Export all chats</source>
        <translation>Exportar todos los chats</translation>
    </message>
    <message>
        <location filename="../qml/DataPanel.qml" line="61"/>
        <location filename="../qml/DataPanel.qml" line="70"/>
        <source>JSON files (*.json)</source>
        <translation>Archivos JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../qml/DataPanel.qml" line="68"/>
        <source>Import chats</source>
        <translation>Importar chats</translation>
    </message>
    <message>
        <location filename="../qml/DataPanel.qml" line="70"/>
        <source>All files (*)</source>
        <translation>Todos los archivos (*)</translation>
    </message>
</context>
<context>
    <name>FailureText</name>
    <message>
        <location filename="../qml/controllers/failuretext.cpp" line="13"/>
        <source>There is no API key for this provider yet. Add one in Settings, then retry.</source>
        <translation>Todavía no hay ninguna clave de API para este proveedor. Añade una en Ajustes y vuelve a intentarlo.</translation>
    </message>
    <message>
        <location filename="../qml/controllers/failuretext.cpp" line="15"/>
        <source>The provider refused the API key. Check or replace it in Settings, then retry.</source>
        <translation>El proveedor rechazó la clave de API. Revísala o sustitúyela en Ajustes y vuelve a intentarlo.</translation>
    </message>
    <message>
        <location filename="../qml/controllers/failuretext.cpp" line="17"/>
        <source>No model is chosen for this provider. Pick one in the model menu.</source>
        <translation>No hay ningún modelo elegido para este proveedor. Elige uno en el menú de modelos.</translation>
    </message>
    <message>
        <location filename="../qml/controllers/failuretext.cpp" line="19"/>
        <source>This provider is not available. Pick another model.</source>
        <translation>Este proveedor no está disponible. Elige otro modelo.</translation>
    </message>
    <message>
        <location filename="../qml/controllers/failuretext.cpp" line="21"/>
        <source>A reply is still being written in this chat. Stop it or wait for it to finish.</source>
        <translation>Todavía se está escribiendo una respuesta en este chat. Detenla o espera a que termine.</translation>
    </message>
    <message>
        <location filename="../qml/controllers/failuretext.cpp" line="23"/>
        <source>This reply cannot be continued.</source>
        <translation>Esta respuesta no se puede continuar.</translation>
    </message>
    <message>
        <location filename="../qml/controllers/failuretext.cpp" line="25"/>
        <source>That is no longer there.</source>
        <translation>Eso ya no existe.</translation>
    </message>
    <message>
        <location filename="../qml/controllers/failuretext.cpp" line="27"/>
        <source>Too many requests right now. Try again in a moment.</source>
        <translation>Demasiadas solicitudes ahora mismo. Vuelve a intentarlo en un momento.</translation>
    </message>
    <message>
        <location filename="../qml/controllers/failuretext.cpp" line="29"/>
        <source>Not allowed.</source>
        <translation>No permitido.</translation>
    </message>
    <message>
        <location filename="../qml/controllers/failuretext.cpp" line="31"/>
        <source>The chats cannot be reached right now.</source>
        <translation>Los chats no están disponibles ahora mismo.</translation>
    </message>
    <message>
        <location filename="../qml/controllers/failuretext.cpp" line="33"/>
        <source>This model cannot read images. Choose one that can in the model menu, then retry.</source>
        <translation>Este modelo no puede leer imágenes. Elija uno que pueda en el menú de modelos y vuelva a intentarlo.</translation>
    </message>
    <message>
        <location filename="../qml/controllers/failuretext.cpp" line="35"/>
        <source>That is too large to send.</source>
        <translation>Es demasiado grande para enviarlo.</translation>
    </message>
    <message>
        <location filename="../qml/controllers/failuretext.cpp" line="37"/>
        <source>That kind of file cannot be attached. Images (PNG, JPEG, GIF, WebP), PDF and text files can.</source>
        <translation>Ese tipo de archivo no se puede adjuntar. Se pueden adjuntar imágenes (PNG, JPEG, GIF, WebP), PDF y archivos de texto.</translation>
    </message>
    <message>
        <location filename="../qml/controllers/failuretext.cpp" line="39"/>
        <source>The server&apos;s certificate is not the one you confirmed. Someone may be in between: check the server before you sign in again.</source>
        <translation>El certificado del servidor no es el que confirmó. Puede que alguien esté en medio: revise el servidor antes de volver a iniciar sesión.</translation>
    </message>
    <message>
        <location filename="../qml/controllers/failuretext.cpp" line="41"/>
        <source>The file could not be read or written. Check where it is and that you may use it.</source>
        <translation>No se pudo leer ni escribir el archivo. Comprueba dónde está y que tengas permiso para usarlo.</translation>
    </message>
    <message>
        <location filename="../qml/controllers/failuretext.cpp" line="43"/>
        <source>This was answered on another device.</source>
        <translation>Esto ya se respondió en otro dispositivo.</translation>
    </message>
    <message>
        <location filename="../qml/controllers/failuretext.cpp" line="48"/>
        <source>Something went wrong.</source>
        <translation>Algo salió mal.</translation>
    </message>
</context>
<context>
    <name>KeyForm</name>
    <message>
        <location filename="../qml/KeyForm.qml" line="38"/>
        <source>%1 API key</source>
        <translation>Clave de API de %1</translation>
    </message>
    <message>
        <location filename="../qml/KeyForm.qml" line="42"/>
        <source>Test</source>
        <translation>Probar</translation>
    </message>
    <message>
        <location filename="../qml/KeyForm.qml" line="44"/>
        <source>Testing…</source>
        <translation>Probando…</translation>
    </message>
    <message>
        <location filename="../qml/KeyForm.qml" line="48"/>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <location filename="../qml/KeyForm.qml" line="64"/>
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
</context>
<context>
    <name>LanguageController</name>
    <message>
        <location filename="../qml/languagecontroller.cpp" line="95"/>
        <source>System default</source>
        <translation>Predeterminado del sistema</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/Main.qml" line="100"/>
        <source>Reconnecting… Replies go on on the server and continue here when it is back.</source>
        <translation>Reconectando… Las respuestas siguen en el servidor y continúan aquí cuando vuelva.</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="119"/>
        <source>Teehee could not start: %1</source>
        <translation>Teehee no pudo iniciarse: %1</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="186"/>
        <source>Drop files to attach them</source>
        <translation>Suelta los archivos para adjuntarlos</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="199"/>
        <source>Deleted “%1”</source>
        <translation>Se eliminó «%1»</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="199"/>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="221"/>
        <source>“%1” asks to use your chats (number %2)</source>
        <translation>«%1» quiere usar tus chats (número %2)</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="222"/>
        <source>Review</source>
        <translation>Revisar</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="239"/>
        <source>Reply finished: %1</source>
        <translation>Respuesta terminada: %1</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="239"/>
        <source>Reply stopped: %1</source>
        <translation>Respuesta detenida: %1</translation>
    </message>
</context>
<context>
    <name>MessageActions</name>
    <message>
        <location filename="../qml/MessageActions.qml" line="31"/>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <location filename="../qml/MessageActions.qml" line="32"/>
        <source>Edit</source>
        <translation>Editar</translation>
    </message>
    <message>
        <location filename="../qml/MessageActions.qml" line="33"/>
        <source>Regenerate</source>
        <translation>Regenerar</translation>
    </message>
    <message>
        <location filename="../qml/MessageActions.qml" line="34"/>
        <source>Continue</source>
        <translation>Continuar</translation>
    </message>
    <message>
        <location filename="../qml/MessageActions.qml" line="35"/>
        <source>Fork into a new chat from here</source>
        <translation>Crear un chat nuevo a partir de aquí</translation>
    </message>
    <message>
        <location filename="../qml/MessageActions.qml" line="36"/>
        <source>Delete message</source>
        <translation>Eliminar el mensaje</translation>
    </message>
    <message>
        <location filename="../qml/MessageActions.qml" line="46"/>
        <source>Sent %1</source>
        <translation>Enviado %1</translation>
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
        <translation>Imagen: %1</translation>
    </message>
    <message>
        <location filename="../qml/MessageAttachments.qml" line="65"/>
        <source>Image unavailable</source>
        <translation>Imagen no disponible</translation>
    </message>
    <message>
        <location filename="../qml/MessageAttachments.qml" line="121"/>
        <source>“%1” was removed</source>
        <translation>«%1» se eliminó</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <location filename="../qml/MessageDelegate.qml" line="51"/>
        <source>You said</source>
        <translation>Tú dijiste</translation>
    </message>
    <message>
        <location filename="../qml/MessageDelegate.qml" line="51"/>
        <source>Reply</source>
        <translation>Respuesta</translation>
    </message>
    <message>
        <location filename="../qml/MessageDelegate.qml" line="51"/>
        <source>writing…</source>
        <translation>escribiendo…</translation>
    </message>
    <message>
        <location filename="../qml/MessageDelegate.qml" line="91"/>
        <source>%1 tokens in, %2 out</source>
        <translation>%1 tokens de entrada, %2 de salida</translation>
    </message>
    <message>
        <location filename="../qml/MessageDelegate.qml" line="92"/>
        <source>Cost: %1</source>
        <translation>Coste: %1</translation>
    </message>
</context>
<context>
    <name>MessageEditor</name>
    <message>
        <location filename="../qml/MessageEditor.qml" line="26"/>
        <source>Edit message</source>
        <translation>Editar el mensaje</translation>
    </message>
    <message>
        <location filename="../qml/MessageEditor.qml" line="37"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../qml/MessageEditor.qml" line="38"/>
        <source>Save &amp; submit</source>
        <translation>Guardar y enviar</translation>
    </message>
</context>
<context>
    <name>MessageNotice</name>
    <message>
        <location filename="../qml/MessageNotice.qml" line="58"/>
        <source>The reply failed.</source>
        <translation>La respuesta falló.</translation>
    </message>
    <message>
        <location filename="../qml/MessageNotice.qml" line="54"/>
        <source>Stopped</source>
        <translation>Detenido</translation>
    </message>
    <message>
        <location filename="../qml/MessageNotice.qml" line="32"/>
        <source>Rate limited</source>
        <translation>Límite de solicitudes alcanzado</translation>
    </message>
    <message>
        <location filename="../qml/MessageNotice.qml" line="55"/>
        <source>Rate limited — retry in %1 s</source>
        <translation>Límite de solicitudes alcanzado — reintentar en %1 s</translation>
    </message>
    <message>
        <location filename="../qml/MessageNotice.qml" line="56"/>
        <location filename="../qml/MessageNotice.qml" line="57"/>
        <source>Rate limited — you can retry now</source>
        <translation>Límite de solicitudes alcanzado — ya puedes reintentarlo</translation>
    </message>
    <message>
        <location filename="../qml/MessageNotice.qml" line="67"/>
        <source>Open settings</source>
        <translation>Abrir la configuración</translation>
    </message>
    <message>
        <location filename="../qml/MessageNotice.qml" line="67"/>
        <source>Add key</source>
        <translation>Añadir clave</translation>
    </message>
    <message>
        <location filename="../qml/MessageNotice.qml" line="75"/>
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <location filename="../qml/MessageNotice.qml" line="81"/>
        <source>Continue</source>
        <translation>Continuar</translation>
    </message>
</context>
<context>
    <name>ModelOptions</name>
    <message>
        <location filename="../qml/ModelOptions.qml" line="24"/>
        <location filename="../qml/ModelOptions.qml" line="97"/>
        <source>Default</source>
        <translation>Predeterminado</translation>
    </message>
    <message>
        <location filename="../qml/ModelOptions.qml" line="29"/>
        <source>Parameters for this chat</source>
        <translation>Parámetros de este chat</translation>
    </message>
    <message>
        <location filename="../qml/ModelOptions.qml" line="40"/>
        <location filename="../qml/ModelOptions.qml" line="48"/>
        <source>Temperature</source>
        <translation>Temperatura</translation>
    </message>
    <message>
        <location filename="../qml/ModelOptions.qml" line="52"/>
        <source>default</source>
        <translation>predeterminado</translation>
    </message>
    <message>
        <location filename="../qml/ModelOptions.qml" line="65"/>
        <source>Longest reply</source>
        <translation>Respuesta más larga</translation>
    </message>
    <message>
        <location filename="../qml/ModelOptions.qml" line="75"/>
        <source>Longest reply, in tokens</source>
        <translation>Respuesta más larga, en tokens</translation>
    </message>
    <message>
        <location filename="../qml/ModelOptions.qml" line="78"/>
        <source>tokens</source>
        <translation>tokens</translation>
    </message>
    <message>
        <location filename="../qml/ModelOptions.qml" line="88"/>
        <location filename="../qml/ModelOptions.qml" line="103"/>
        <source>Reasoning effort</source>
        <translation>Esfuerzo de razonamiento</translation>
    </message>
    <message>
        <location filename="../qml/ModelOptions.qml" line="98"/>
        <source>Low</source>
        <translation>Bajo</translation>
    </message>
    <message>
        <location filename="../qml/ModelOptions.qml" line="99"/>
        <source>Medium</source>
        <translation>Medio</translation>
    </message>
    <message>
        <location filename="../qml/ModelOptions.qml" line="100"/>
        <source>High</source>
        <translation>Alto</translation>
    </message>
    <message>
        <location filename="../qml/ModelOptions.qml" line="112"/>
        <location filename="../qml/ModelOptions.qml" line="116"/>
        <source>Extended thinking</source>
        <translation>Razonamiento ampliado</translation>
    </message>
</context>
<context>
    <name>ModelPicker</name>
    <message>
        <location filename="../qml/ModelPicker.qml" line="15"/>
        <source>Choose a model</source>
        <translation>Elige un modelo</translation>
    </message>
    <message>
        <location filename="../qml/ModelPicker.qml" line="22"/>
        <source>Model: %1 (%2)</source>
        <translation>Modelo: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../qml/ModelPicker.qml" line="37"/>
        <source>no key</source>
        <translation>sin clave</translation>
    </message>
    <message>
        <location filename="../qml/ModelPicker.qml" line="69"/>
        <source>Search models</source>
        <translation>Buscar modelos</translation>
    </message>
    <message>
        <location filename="../qml/ModelPicker.qml" line="81"/>
        <source>Models</source>
        <translation>Modelos</translation>
    </message>
    <message>
        <location filename="../qml/ModelPicker.qml" line="122"/>
        <source>Make it the default for new chats</source>
        <translation>Usarlo por defecto en los chats nuevos</translation>
    </message>
</context>
<context>
    <name>PendingAttachments</name>
    <message>
        <location filename="../qml/controllers/pendingattachments.cpp" line="83"/>
        <source>“%1” is too large: a file may have at most %2.</source>
        <translation>«%1» es demasiado grande: un archivo puede tener como máximo %2.</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/controllers/pendingattachments.cpp" line="90"/>
        <source>A message can carry at most %n files.</source>
        <translation>
            <numerusform>Un mensaje puede llevar como máximo %n archivo.</numerusform>
            <numerusform>Un mensaje puede llevar como máximo %n archivos.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/controllers/pendingattachments.cpp" line="102"/>
        <source>“%1” is not a file on this computer.</source>
        <translation>«%1» no es un archivo de este ordenador.</translation>
    </message>
    <message>
        <location filename="../qml/controllers/pendingattachments.cpp" line="110"/>
        <location filename="../qml/controllers/pendingattachments.cpp" line="217"/>
        <source>“%1” cannot be attached: images (PNG, JPEG, GIF, WebP), PDF and text files can.</source>
        <translation>«%1» no se puede adjuntar: se pueden adjuntar imágenes (PNG, JPEG, GIF, WebP), PDF y archivos de texto.</translation>
    </message>
    <message>
        <location filename="../qml/controllers/pendingattachments.cpp" line="140"/>
        <source>“%1” could not be read.</source>
        <translation>No se pudo leer «%1».</translation>
    </message>
    <message>
        <location filename="../qml/controllers/pendingattachments.cpp" line="160"/>
        <source>Pasted image %1.png</source>
        <translation>Imagen pegada %1.png</translation>
    </message>
    <message>
        <location filename="../qml/controllers/pendingattachments.cpp" line="218"/>
        <source>“%1” was not attached: %2</source>
        <translation>«%1» no se adjuntó: %2</translation>
    </message>
    <message>
        <location filename="../qml/controllers/pendingattachments.cpp" line="260"/>
        <source>%1 cannot read images. Choose a model that can, or remove the images.</source>
        <translation>%1 no puede leer imágenes. Elige un modelo que pueda o quita las imágenes.</translation>
    </message>
</context>
<context>
    <name>SettingsController</name>
    <message>
        <location filename="../qml/controllers/settingscontroller.cpp" line="132"/>
        <source>Custom endpoint</source>
        <translation>Endpoint personalizado</translation>
    </message>
    <message>
        <location filename="../qml/controllers/settingscontroller.cpp" line="204"/>
        <source>Local server</source>
        <translation>Servidor local</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/controllers/settingscontroller.cpp" line="221"/>
        <source>The key works: %n model(s) available.</source>
        <translation>
            <numerusform>La clave funciona: %n modelo disponible.</numerusform>
            <numerusform>La clave funciona: %n modelos disponibles.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="13"/>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="25"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="59"/>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="62"/>
        <source>Providers &amp; keys</source>
        <translation>Proveedores y claves</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="71"/>
        <location filename="../qml/SettingsDialog.qml" line="113"/>
        <source>Test</source>
        <translation>Probar</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="71"/>
        <source>Test %1</source>
        <translation>Probar %1</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="72"/>
        <source>Testing…</source>
        <translation>Probando…</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="73"/>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="73"/>
        <source>Delete the %1 key</source>
        <translation>Eliminar la clave de %1</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="95"/>
        <source>No keys yet.</source>
        <translation>Todavía no hay claves.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="98"/>
        <source>Also available from the environment: %1</source>
        <translation>También disponible desde el entorno: %1</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="100"/>
        <source>Add or replace a key:</source>
        <translation>Añadir o reemplazar una clave:</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="103"/>
        <source>Custom OpenAI-compatible endpoint</source>
        <translation>Endpoint personalizado compatible con OpenAI</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="104"/>
        <source>Ollama, LM Studio, vLLM, llama.cpp, OpenRouter… The key is optional for local servers.</source>
        <translation>Ollama, LM Studio, vLLM, llama.cpp, OpenRouter… La clave es opcional para servidores locales.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="105"/>
        <source>Add as many as you use: each one is its own choice in the model chip. Saving under an existing name replaces that endpoint.</source>
        <translation>Añade tantos como uses: cada uno es una opción propia en el selector de modelo. Guardar con un nombre existente reemplaza ese endpoint.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="109"/>
        <source>Name, e.g. Ollama</source>
        <translation>Nombre, p. ej. Ollama</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="110"/>
        <source>Base URL</source>
        <translation>URL base</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="111"/>
        <source>API key (optional)</source>
        <translation>Clave de API (opcional)</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="114"/>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="119"/>
        <source>Default model</source>
        <translation>Modelo predeterminado</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="120"/>
        <source>New chats start with %1 · %2. Choose another one from the model chip in the composer and make it the default there.</source>
        <translation>Los chats nuevos empiezan con %1 · %2. Elige otro en el selector de modelo del cuadro de mensaje y hazlo predeterminado desde ahí.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="123"/>
        <source>Appearance</source>
        <translation>Apariencia</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="126"/>
        <source>System</source>
        <translation>Sistema</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="127"/>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="128"/>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="131"/>
        <location filename="../qml/SettingsDialog.qml" line="136"/>
        <source>Text size</source>
        <translation>Tamaño del texto</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="142"/>
        <location filename="../qml/SettingsDialog.qml" line="146"/>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="206"/>
        <source>Sharing</source>
        <translation>Compartir</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="209"/>
        <source>Usage</source>
        <translation>Uso</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="212"/>
        <source>Tools</source>
        <translation>Herramientas</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="215"/>
        <source>Data</source>
        <translation>Datos</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="217"/>
        <source>Chats are kept by %1</source>
        <translation>Los chats los guarda %1</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="218"/>
        <source>Chats are stored in %1</source>
        <translation>Los chats se guardan en %1</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="219"/>
        <source>Data folder: %1</source>
        <translation>Carpeta de datos: %1</translation>
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
        <translation>Compartir en esta red</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="66"/>
        <location filename="../qml/SharingPanel.qml" line="71"/>
        <source>Port</source>
        <translation>Puerto</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="80"/>
        <source>Sharing could not start: %1</source>
        <translation>No se pudo empezar a compartir: %1</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="81"/>
        <source>Starting…</source>
        <translation>Iniciando…</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="82"/>
        <source>Other devices on this network can use your chats and keys after you let them in here. The connection is encrypted.</source>
        <translation>Otros dispositivos de esta red pueden usar tus chats y claves después de que los admitas aquí. La conexión está cifrada.</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="91"/>
        <source>Open on another device</source>
        <translation>Abrir en otro dispositivo</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="97"/>
        <source>Pair a phone or tablet</source>
        <translation>Vincular un teléfono o una tableta</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="98"/>
        <source>Scan this code with the other device&apos;s camera, then compare the number it shows with the one below.</source>
        <translation>Escanea este código con la cámara del otro dispositivo y compara el número que muestra con el de abajo.</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="112"/>
        <source>QR code of the pairing link</source>
        <translation>Código QR del enlace de vinculación</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="124"/>
        <source>Valid for %1:%2</source>
        <translation>Válido durante %1:%2</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="126"/>
        <source>Making a new code…</source>
        <translation>Creando un código nuevo…</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="128"/>
        <source>New code</source>
        <translation>Código nuevo</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="130"/>
        <source>SHA-256 fingerprint</source>
        <translation>Huella digital SHA-256</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="132"/>
        <source>A device that asks you to trust a certificate should show this same fingerprint.</source>
        <translation>Un dispositivo que te pida confiar en un certificado debería mostrar esta misma huella.</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="136"/>
        <source>Waiting for approval</source>
        <translation>Esperando aprobación</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="152"/>
        <source>Number %1</source>
        <translation>Número %1</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="156"/>
        <source>Approve</source>
        <translation>Aprobar</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="158"/>
        <source>Approve %1</source>
        <translation>Aprobar %1</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="163"/>
        <source>Deny</source>
        <translation>Rechazar</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="164"/>
        <source>Deny %1</source>
        <translation>Rechazar %1</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="171"/>
        <source>Replies running from other devices</source>
        <translation>Respuestas en curso desde otros dispositivos</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="181"/>
        <source>%1 in “%2”</source>
        <translation>%1 en «%2»</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="181"/>
        <source>Another device</source>
        <translation>Otro dispositivo</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="182"/>
        <source>New chat</source>
        <translation>Chat nuevo</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="195"/>
        <source>Your keys</source>
        <translation>Tus claves</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="198"/>
        <source>People with their own account here can always add their own keys. Yours stay hidden from them either way.</source>
        <translation>Las personas con su propia cuenta aquí siempre pueden añadir sus propias claves. Las tuyas les quedan ocultas en cualquier caso.</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="206"/>
        <source>Let other people use my %1 key</source>
        <translation>Permitir que otras personas usen mi clave de %1</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="222"/>
        <source>Accounts for other people</source>
        <translation>Cuentas para otras personas</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="231"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="243"/>
        <source>Create account</source>
        <translation>Crear cuenta</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="188"/>
        <location filename="../qml/SharingPanel.qml" line="264"/>
        <source>Since %1</source>
        <translation>Desde %1</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="223"/>
        <source>Each person gets chats of their own. They sign in on the shared address with the name and the password you give them (8 characters or more).</source>
        <translation>Cada persona tiene sus propios chats. Inicia sesión en la dirección compartida con el nombre y la contraseña que le des (8 caracteres o más).</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="238"/>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="270"/>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="272"/>
        <source>Remove %1</source>
        <translation>Quitar a %1</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="278"/>
        <source>Paired devices</source>
        <translation>Dispositivos vinculados</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="288"/>
        <source>Last seen %1</source>
        <translation>Visto por última vez %1</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="293"/>
        <source>Revoke</source>
        <translation>Revocar</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="295"/>
        <source>Revoke %1</source>
        <translation>Revocar %1</translation>
    </message>
</context>
<context>
    <name>ShortcutsSheet</name>
    <message>
        <location filename="../qml/ShortcutsSheet.qml" line="12"/>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <location filename="../qml/ShortcutsSheet.qml" line="26"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location filename="../qml/ShortcutsSheet.qml" line="30"/>
        <source>Send</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <location filename="../qml/ShortcutsSheet.qml" line="30"/>
        <source>New line</source>
        <translation>Nueva línea</translation>
    </message>
    <message>
        <location filename="../qml/ShortcutsSheet.qml" line="30"/>
        <source>Stop the reply, cancel an edit</source>
        <translation>Detener la respuesta, cancelar una edición</translation>
    </message>
    <message>
        <location filename="../qml/ShortcutsSheet.qml" line="31"/>
        <source>New chat</source>
        <translation>Nuevo chat</translation>
    </message>
    <message>
        <location filename="../qml/ShortcutsSheet.qml" line="31"/>
        <source>Search chats</source>
        <translation>Buscar chats</translation>
    </message>
    <message>
        <location filename="../qml/ShortcutsSheet.qml" line="31"/>
        <source>Show or hide the sidebar</source>
        <translation>Mostrar u ocultar la barra lateral</translation>
    </message>
    <message>
        <location filename="../qml/ShortcutsSheet.qml" line="32"/>
        <source>Rename the selected chat</source>
        <translation>Cambiar el nombre del chat seleccionado</translation>
    </message>
    <message>
        <location filename="../qml/ShortcutsSheet.qml" line="32"/>
        <source>Delete the selected chat</source>
        <translation>Eliminar el chat seleccionado</translation>
    </message>
    <message>
        <location filename="../qml/ShortcutsSheet.qml" line="33"/>
        <source>Previous / next branch of the focused message</source>
        <translation>Rama anterior / siguiente del mensaje seleccionado</translation>
    </message>
    <message>
        <location filename="../qml/ShortcutsSheet.qml" line="34"/>
        <source>Copy the last reply</source>
        <translation>Copiar la última respuesta</translation>
    </message>
    <message>
        <location filename="../qml/ShortcutsSheet.qml" line="34"/>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <location filename="../qml/ShortcutsSheet.qml" line="35"/>
        <source>Larger / smaller / normal text</source>
        <translation>Texto más grande / más pequeño / normal</translation>
    </message>
    <message>
        <location filename="../qml/ShortcutsSheet.qml" line="35"/>
        <source>This sheet</source>
        <translation>Esta hoja</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <location filename="../qml/Sidebar.qml" line="50"/>
        <source>New chat</source>
        <translation>Nuevo chat</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="52"/>
        <source>New chat (Ctrl+N)</source>
        <translation>Nuevo chat (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="60"/>
        <source>Search chats (Ctrl+K)</source>
        <translation>Buscar chats (Ctrl+K)</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="61"/>
        <source>Filter chats by title</source>
        <translation>Filtrar chats por título</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="99"/>
        <source>Chats</source>
        <translation>Chats</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="137"/>
        <source>No chat matches</source>
        <translation>Ningún chat coincide</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="137"/>
        <source>No chats yet</source>
        <translation>Todavía no hay chats</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="217"/>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="219"/>
        <source>Settings (Ctrl+,)</source>
        <translation>Configuración (Ctrl+,)</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="222"/>
        <source>Keyboard shortcuts (F1)</source>
        <translation>Atajos de teclado (F1)</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="147"/>
        <source>In messages</source>
        <translation>En mensajes</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="166"/>
        <source>Messages found</source>
        <translation>Mensajes encontrados</translation>
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
        <translation>Cambiar el tamaño de la barra lateral</translation>
    </message>
    <message>
        <location filename="../qml/SidebarHandle.qml" line="19"/>
        <source>Sidebar width %1 pixels; Left and Right arrows resize it</source>
        <translation>Ancho de la barra lateral: %1 píxeles; las flechas izquierda y derecha lo cambian</translation>
    </message>
</context>
<context>
    <name>SystemPromptDialog</name>
    <message>
        <location filename="../qml/SystemPromptDialog.qml" line="11"/>
        <location filename="../qml/SystemPromptDialog.qml" line="38"/>
        <source>System prompt</source>
        <translation>Prompt del sistema</translation>
    </message>
    <message>
        <location filename="../qml/SystemPromptDialog.qml" line="21"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../qml/SystemPromptDialog.qml" line="22"/>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <location filename="../qml/SystemPromptDialog.qml" line="28"/>
        <source>Sent before the conversation with every request in this chat.</source>
        <translation>Se envía antes de la conversación en cada solicitud de este chat.</translation>
    </message>
    <message>
        <location filename="../qml/SystemPromptDialog.qml" line="36"/>
        <source>You are a helpful assistant…</source>
        <translation>Eres un asistente útil…</translation>
    </message>
</context>
<context>
    <name>ThinkingBlock</name>
    <message>
        <location filename="../qml/ThinkingBlock.qml" line="24"/>
        <source>Thinking…</source>
        <translation>Pensando…</translation>
    </message>
    <message>
        <location filename="../qml/ThinkingBlock.qml" line="24"/>
        <source>Thinking</source>
        <translation>Razonamiento</translation>
    </message>
    <message>
        <location filename="../qml/ThinkingBlock.qml" line="26"/>
        <source>Hide the model&apos;s thinking</source>
        <translation>Ocultar el razonamiento del modelo</translation>
    </message>
    <message>
        <location filename="../qml/ThinkingBlock.qml" line="26"/>
        <source>Show the model&apos;s thinking</source>
        <translation>Mostrar el razonamiento del modelo</translation>
    </message>
</context>
<context>
    <name>ToolApprovalCard</name>
    <message>
        <location filename="../qml/ToolApprovalCard.qml" line="24"/>
        <source>A tool asks to run: %1 from %2</source>
        <translation>Una herramienta pide ejecutarse: %1 de %2</translation>
    </message>
    <message>
        <location filename="../qml/ToolApprovalCard.qml" line="35"/>
        <source>Allow the tool “%1” from “%2” to run?</source>
        <translation>¿Permitir que se ejecute la herramienta «%1» de «%2»?</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/ToolApprovalCard.qml" line="44"/>
        <source>%n more call(s) waiting</source>
        <translation>
            <numerusform>%n llamada más en espera</numerusform>
            <numerusform>%n llamadas más en espera</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/ToolApprovalCard.qml" line="82"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location filename="../qml/ToolApprovalCard.qml" line="88"/>
        <source>Deny</source>
        <translation>Denegar</translation>
    </message>
    <message>
        <location filename="../qml/ToolApprovalCard.qml" line="94"/>
        <source>Always allow</source>
        <translation>Permitir siempre</translation>
    </message>
    <message>
        <location filename="../qml/ToolApprovalCard.qml" line="101"/>
        <source>Allow once</source>
        <translation>Permitir una vez</translation>
    </message>
</context>
<context>
    <name>ToolCallBlock</name>
    <message>
        <location filename="../qml/ToolCallBlock.qml" line="21"/>
        <source>waiting for approval</source>
        <translation>esperando aprobación</translation>
    </message>
    <message>
        <location filename="../qml/ToolCallBlock.qml" line="22"/>
        <source>running</source>
        <translation>en ejecución</translation>
    </message>
    <message>
        <location filename="../qml/ToolCallBlock.qml" line="23"/>
        <source>ok</source>
        <translation>correcto</translation>
    </message>
    <message>
        <location filename="../qml/ToolCallBlock.qml" line="24"/>
        <source>error</source>
        <translation>error</translation>
    </message>
    <message>
        <location filename="../qml/ToolCallBlock.qml" line="25"/>
        <source>denied</source>
        <translation>denegada</translation>
    </message>
    <message>
        <location filename="../qml/ToolCallBlock.qml" line="36"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../qml/ToolCallBlock.qml" line="38"/>
        <source>Tool call %1: %2</source>
        <translation>Llamada a herramienta %1: %2</translation>
    </message>
    <message>
        <location filename="../qml/ToolCallBlock.qml" line="80"/>
        <source>Arguments</source>
        <translation>Argumentos</translation>
    </message>
    <message>
        <location filename="../qml/ToolCallBlock.qml" line="93"/>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
</context>
<context>
    <name>ToolsController</name>
    <message>
        <location filename="../qml/controllers/toolscontroller.cpp" line="87"/>
        <source>Each environment line needs the form NAME=value.</source>
        <translation>Cada línea del entorno debe tener la forma NOMBRE=valor.</translation>
    </message>
    <message>
        <location filename="../qml/controllers/toolscontroller.cpp" line="108"/>
        <source>Each header line needs the form Name: value.</source>
        <translation>Cada línea de cabecera debe tener la forma Nombre: valor.</translation>
    </message>
</context>
<context>
    <name>ToolsPanel</name>
    <message>
        <location filename="../qml/ToolsPanel.qml" line="45"/>
        <source>Tools let models act through MCP servers. Each call asks you first unless you always allow that tool.</source>
        <translation>Las herramientas permiten a los modelos actuar mediante servidores MCP. Cada llamada te pregunta primero, salvo que permitas siempre esa herramienta.</translation>
    </message>
    <message>
        <location filename="../qml/ToolsPanel.qml" line="69"/>
        <source>running</source>
        <translation>en ejecución</translation>
    </message>
    <message>
        <location filename="../qml/ToolsPanel.qml" line="70"/>
        <source>error</source>
        <translation>error</translation>
    </message>
    <message>
        <location filename="../qml/ToolsPanel.qml" line="70"/>
        <source>stopped</source>
        <translation>detenido</translation>
    </message>
    <message>
        <location filename="../qml/ToolsPanel.qml" line="75"/>
        <source>Disable</source>
        <translation>Desactivar</translation>
    </message>
    <message>
        <location filename="../qml/ToolsPanel.qml" line="75"/>
        <source>Enable</source>
        <translation>Activar</translation>
    </message>
    <message>
        <location filename="../qml/ToolsPanel.qml" line="79"/>
        <source>Hide log</source>
        <translation>Ocultar registro</translation>
    </message>
    <message>
        <location filename="../qml/ToolsPanel.qml" line="79"/>
        <source>Show log</source>
        <translation>Mostrar registro</translation>
    </message>
    <message>
        <location filename="../qml/ToolsPanel.qml" line="84"/>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <location filename="../qml/ToolsPanel.qml" line="100"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location filename="../qml/ToolsPanel.qml" line="114"/>
        <source>Nothing logged.</source>
        <translation>Nada registrado.</translation>
    </message>
    <message>
        <location filename="../qml/ToolsPanel.qml" line="128"/>
        <source>Command (stdio)</source>
        <translation>Comando (stdio)</translation>
    </message>
    <message>
        <location filename="../qml/ToolsPanel.qml" line="129"/>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <location filename="../qml/ToolsPanel.qml" line="131"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../qml/ToolsPanel.qml" line="132"/>
        <source>Command</source>
        <translation>Comando</translation>
    </message>
    <message>
        <location filename="../qml/ToolsPanel.qml" line="133"/>
        <source>Arguments, one a line</source>
        <translation>Argumentos, uno por línea</translation>
    </message>
    <message>
        <location filename="../qml/ToolsPanel.qml" line="134"/>
        <source>Environment, KEY=VALUE lines</source>
        <translation>Entorno, líneas CLAVE=VALOR</translation>
    </message>
    <message>
        <location filename="../qml/ToolsPanel.qml" line="135"/>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <location filename="../qml/ToolsPanel.qml" line="136"/>
        <source>Headers, Name: value lines</source>
        <translation>Cabeceras, líneas Nombre: valor</translation>
    </message>
    <message>
        <location filename="../qml/ToolsPanel.qml" line="142"/>
        <source>Add server</source>
        <translation>Añadir servidor</translation>
    </message>
    <message>
        <location filename="../qml/ToolsPanel.qml" line="155"/>
        <source>Always allowed</source>
        <translation>Siempre permitidas</translation>
    </message>
    <message>
        <location filename="../qml/ToolsPanel.qml" line="167"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../qml/ToolsPanel.qml" line="175"/>
        <source>Revoke</source>
        <translation>Revocar</translation>
    </message>
</context>
<context>
    <name>ToolsToggle</name>
    <message>
        <location filename="../qml/ToolsToggle.qml" line="18"/>
        <source>Tools</source>
        <translation>Herramientas</translation>
    </message>
    <message>
        <location filename="../qml/ToolsToggle.qml" line="22"/>
        <source>Tools on: the model may call your tools</source>
        <translation>Herramientas activadas: el modelo puede llamar a tus herramientas</translation>
    </message>
    <message>
        <location filename="../qml/ToolsToggle.qml" line="22"/>
        <source>Tools off</source>
        <translation>Herramientas desactivadas</translation>
    </message>
</context>
<context>
    <name>TransferController</name>
    <message>
        <location filename="../qml/controllers/transfercontroller.cpp" line="71"/>
        <source>All chats exported to %1</source>
        <translation>Todos los chats exportados a %1</translation>
    </message>
    <message>
        <location filename="../qml/controllers/transfercontroller.cpp" line="83"/>
        <source>This file is not a Teehee export or a ChatGPT conversations.json (%1).</source>
        <translation>Este archivo no es una exportación de Teehee ni un conversations.json de ChatGPT (%1).</translation>
    </message>
    <message>
        <location filename="../qml/controllers/transfercontroller.cpp" line="88"/>
        <source>1 chat imported</source>
        <translation>1 chat importado</translation>
    </message>
    <message>
        <location filename="../qml/controllers/transfercontroller.cpp" line="89"/>
        <source>%1 chats imported</source>
        <translation>%1 chats importados</translation>
    </message>
    <message>
        <location filename="../qml/controllers/transfercontroller.cpp" line="91"/>
        <source>%1, %2 already there</source>
        <translation>%1, %2 ya estaban</translation>
    </message>
    <message>
        <location filename="../qml/controllers/transfercontroller.cpp" line="103"/>
        <source>Chat exported to %1</source>
        <translation>Chat exportado a %1</translation>
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
        <translation>%1 de entrada · %2 de salida</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/UsagePanel.qml" line="64"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n día</numerusform>
            <numerusform>%n días</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/UsagePanel.qml" line="76"/>
        <source>%1 tokens in · %2 out</source>
        <translation>%1 tokens de entrada · %2 de salida</translation>
    </message>
    <message>
        <location filename="../qml/UsagePanel.qml" line="81"/>
        <source>No replies in these days yet.</source>
        <translation>Aún no hay respuestas en estos días.</translation>
    </message>
    <message>
        <location filename="../qml/UsagePanel.qml" line="83"/>
        <source>By model</source>
        <translation>Por modelo</translation>
    </message>
    <message>
        <location filename="../qml/UsagePanel.qml" line="91"/>
        <source>By day</source>
        <translation>Por día</translation>
    </message>
    <message>
        <location filename="../qml/UsagePanel.qml" line="100"/>
        <source>Costs use the providers&apos; list prices as of %1. Replies of models without a known price count their tokens only.</source>
        <translation>Los costes usan los precios de lista de los proveedores a fecha de %1. Las respuestas de modelos sin precio conocido solo cuentan sus tokens.</translation>
    </message>
</context>
<context>
    <name>WelcomeCard</name>
    <message>
        <location filename="../qml/WelcomeCard.qml" line="33"/>
        <source>Welcome to Teehee</source>
        <translation>Te damos la bienvenida a Teehee</translation>
    </message>
    <message>
        <location filename="../qml/WelcomeCard.qml" line="33"/>
        <source>What can I help with?</source>
        <translation>¿En qué puedo ayudarte?</translation>
    </message>
    <message>
        <location filename="../qml/WelcomeCard.qml" line="45"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../qml/WelcomeCard.qml" line="56"/>
        <source>Explain how a hash map works, with a short code example</source>
        <translation>Explica cómo funciona una tabla hash, con un ejemplo de código breve</translation>
    </message>
    <message>
        <location filename="../qml/WelcomeCard.qml" line="57"/>
        <source>Draft a friendly reply declining a meeting</source>
        <translation>Redacta una respuesta amable para rechazar una reunión</translation>
    </message>
    <message>
        <location filename="../qml/WelcomeCard.qml" line="58"/>
        <source>Compare SQLite and PostgreSQL in a table</source>
        <translation>Compara SQLite y PostgreSQL en una tabla</translation>
    </message>
    <message>
        <location filename="../qml/WelcomeCard.qml" line="59"/>
        <source>Write a Python script that renames photos by date</source>
        <translation>Escribe un script de Python que cambie el nombre de las fotos según su fecha</translation>
    </message>
    <message>
        <location filename="../qml/WelcomeCard.qml" line="80"/>
        <source>Add an API key to start chatting. It is kept encrypted on this computer.</source>
        <translation>Añade una clave de API para empezar a chatear. Se guarda cifrada en este equipo.</translation>
    </message>
    <message>
        <location filename="../qml/WelcomeCard.qml" line="94"/>
        <source>Looking for a local server (Ollama, LM Studio)…</source>
        <translation>Buscando un servidor local (Ollama, LM Studio)…</translation>
    </message>
    <message>
        <location filename="../qml/WelcomeCard.qml" line="95"/>
        <source>No local server found on ports 11434 (Ollama) or 1234 (LM Studio).</source>
        <translation>No se encontró ningún servidor local en los puertos 11434 (Ollama) ni 1234 (LM Studio).</translation>
    </message>
    <message>
        <location filename="../qml/WelcomeCard.qml" line="96"/>
        <source>Found a model server on this computer:</source>
        <translation>Se encontró un servidor de modelos en este equipo:</translation>
    </message>
    <message>
        <location filename="../qml/WelcomeCard.qml" line="102"/>
        <source>Use %1 (%2 models)</source>
        <translation>Usar %1 (%2 modelos)</translation>
    </message>
</context>
</TS>
