<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>AccountController</name>
    <message>
        <location filename="../qml/controllers/accountcontroller.cpp" line="54"/>
        <source>No Teehee server answered at that address. Check it, and that the server is running.</source>
        <translation>そのアドレスで応答する Teehee サーバーがありません。アドレスと、サーバーが動いているかを確認してください。</translation>
    </message>
    <message>
        <location filename="../qml/controllers/accountcontroller.cpp" line="56"/>
        <source>The server refused: check the email and password, or ask for a new code and approve it on your other device.</source>
        <translation>サーバーに拒否されました。メールアドレスとパスワードを確認するか、新しいコードを発行してもう一方のデバイスで承認してください。</translation>
    </message>
    <message>
        <location filename="../qml/controllers/accountcontroller.cpp" line="58"/>
        <source>The pairing request ran out. Ask for a new code and try again.</source>
        <translation>ペアリングの要求が期限切れになりました。新しいコードでやり直してください。</translation>
    </message>
    <message>
        <location filename="../qml/controllers/accountcontroller.cpp" line="60"/>
        <source>That is not a server address. Type one such as 192.168.1.20:8765.</source>
        <translation>サーバーのアドレスではありません。192.168.1.20:8765 のように入力してください。</translation>
    </message>
</context>
<context>
    <name>AccountPanel</name>
    <message>
        <location filename="../qml/AccountPanel.qml" line="33"/>
        <source>This computer was signed out of %1 (its device was removed there). Sign in again to use it.</source>
        <translation>このコンピューターは %1 からサインアウトされました（そちらでデバイスが削除されました）。使うには再度サインインしてください。</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="39"/>
        <source>Signed in to %1</source>
        <translation>%1 にサインイン中</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="40"/>
        <source>This computer: chats and keys are kept here.</source>
        <translation>このコンピューター：チャットとキーはここに保存されます。</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="45"/>
        <source>Use this computer instead</source>
        <translation>代わりにこのコンピューターを使う</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="51"/>
        <source>The server keeps these chats. This computer&apos;s own chats stay here and come back when you switch.</source>
        <translation>これらのチャットはサーバーに保存されます。このコンピューターのチャットはここに残り、切り替えると戻ります。</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="56"/>
        <source>Use a Teehee server…</source>
        <translation>Teehee サーバーを使う…</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="66"/>
        <source>Another computer&apos;s share (Settings → Sharing there) or a Teehee server. Paste its pairing link to pair without a password.</source>
        <translation>別のコンピューターの共有（そちらの 設定 → 共有）または Teehee サーバー。ペアリングリンクを貼り付けると、パスワードなしでペアリングできます。</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="71"/>
        <source>On this network: %1</source>
        <translation>このネットワーク上：%1</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="83"/>
        <source>Server address or pairing link</source>
        <translation>サーバーのアドレスまたはペアリングリンク</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="87"/>
        <source>Continue</source>
        <translation>続ける</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="93"/>
        <source>Reaching the server…</source>
        <translation>サーバーに接続しています…</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="105"/>
        <source>Is this the server&apos;s certificate?</source>
        <translation>これはサーバーの証明書ですか？</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="106"/>
        <source>Compare this fingerprint with the one the server shows (Settings → Sharing on that computer, or teehee-server --print-fingerprint). Trust it only if they are the same.</source>
        <translation>このフィンガープリントを、サーバーが表示するもの（そのコンピューターの 設定 → 共有、または teehee-server --print-fingerprint）と比べてください。同じ場合だけ信頼してください。</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="119"/>
        <source>Trust this certificate</source>
        <translation>この証明書を信頼する</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="120"/>
        <location filename="../qml/AccountPanel.qml" line="169"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="134"/>
        <source>Pair with a code</source>
        <translation>コードでペアリング</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="135"/>
        <source>On a device already signed in, open Settings → Sharing (or Devices) and show the pairing code.</source>
        <translation>すでにサインインしているデバイスで 設定 → 共有（またはデバイス）を開き、ペアリングコードを表示してください。</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="136"/>
        <source>Pairing code</source>
        <translation>ペアリングコード</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="138"/>
        <source>Pair</source>
        <translation>ペアリング</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="144"/>
        <source>Or sign in</source>
        <translation>またはサインイン</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="145"/>
        <source>Email</source>
        <translation>メールアドレス</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="146"/>
        <source>Password</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="148"/>
        <source>Sign in</source>
        <translation>サインイン</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="152"/>
        <source>Signing in…</source>
        <translation>サインインしています…</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="158"/>
        <source>Approve this computer on your other device</source>
        <translation>もう一方のデバイスでこのコンピューターを承認してください</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="159"/>
        <source>It asks to approve &quot;%1&quot;. Approve only if it shows the same number:</source>
        <translation>「%1」の承認を求められます。同じ番号が表示されている場合だけ承認してください：</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="167"/>
        <source>Verification number %1</source>
        <translation>確認番号 %1</translation>
    </message>
    <message>
        <location filename="../qml/AccountPanel.qml" line="171"/>
        <source>Signed in. Opening the server&apos;s chats…</source>
        <translation>サインインしました。サーバーのチャットを開いています…</translation>
    </message>
</context>
<context>
    <name>AppStatus</name>
    <message>
        <location filename="../qml/appstatus.cpp" line="33"/>
        <source>Starting…</source>
        <translation>起動中…</translation>
    </message>
    <message>
        <location filename="../qml/appstatus.cpp" line="34"/>
        <source>Ready</source>
        <translation>準備完了</translation>
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
        <translation>アップロード中…</translation>
    </message>
    <message>
        <location filename="../qml/AttachmentTray.qml" line="77"/>
        <source>Remove “%1”</source>
        <translation>「%1」を取り除く</translation>
    </message>
</context>
<context>
    <name>BranchSwitcher</name>
    <message>
        <location filename="../qml/BranchSwitcher.qml" line="18"/>
        <source>Branch %1 of %2</source>
        <translation>分岐 %1 / %2</translation>
    </message>
    <message>
        <location filename="../qml/BranchSwitcher.qml" line="25"/>
        <source>Previous branch (Alt+←)</source>
        <translation>前の分岐 (Alt+←)</translation>
    </message>
    <message>
        <location filename="../qml/BranchSwitcher.qml" line="39"/>
        <source>Next branch (Alt+→)</source>
        <translation>次の分岐 (Alt+→)</translation>
    </message>
</context>
<context>
    <name>ChatExportDialog</name>
    <message>
        <location filename="../qml/ChatExportDialog.qml" line="13"/>
        <source>Export as Markdown</source>
        <translation>Markdown でエクスポート</translation>
    </message>
    <message>
        <location filename="../qml/ChatExportDialog.qml" line="13"/>
        <source>Export as JSON</source>
        <translation>JSON でエクスポート</translation>
    </message>
    <message>
        <location filename="../qml/ChatExportDialog.qml" line="15"/>
        <source>Markdown files (*.md)</source>
        <translation>Markdown ファイル (*.md)</translation>
    </message>
    <message>
        <location filename="../qml/ChatExportDialog.qml" line="15"/>
        <source>JSON files (*.json)</source>
        <translation>JSON ファイル (*.json)</translation>
    </message>
</context>
<context>
    <name>ChatHeader</name>
    <message>
        <location filename="../qml/ChatHeader.qml" line="24"/>
        <source>Hide sidebar (Ctrl+B)</source>
        <translation>サイドバーを隠す (Ctrl+B)</translation>
    </message>
    <message>
        <location filename="../qml/ChatHeader.qml" line="24"/>
        <source>Show sidebar (Ctrl+B)</source>
        <translation>サイドバーを表示 (Ctrl+B)</translation>
    </message>
    <message>
        <location filename="../qml/ChatHeader.qml" line="29"/>
        <source>New chat</source>
        <translation>新しいチャット</translation>
    </message>
    <message>
        <location filename="../qml/ChatHeader.qml" line="43"/>
        <source>%1 tokens · %2</source>
        <translation>%1 トークン · %2</translation>
    </message>
    <message>
        <location filename="../qml/ChatHeader.qml" line="45"/>
        <source>%1 tokens</source>
        <translation>%1 トークン</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/ChatHeader.qml" line="51"/>
        <source>This branch: %1 in, %2 out over %n replies</source>
        <translation>
            <numerusform>このブランチ: 入力 %1、出力 %2(%n 件の返信)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/ChatHeader.qml" line="56"/>
        <source>System prompt ✓</source>
        <translation>システムプロンプト ✓</translation>
    </message>
    <message>
        <location filename="../qml/ChatHeader.qml" line="56"/>
        <source>System prompt</source>
        <translation>システムプロンプト</translation>
    </message>
</context>
<context>
    <name>ChatListDelegate</name>
    <message>
        <location filename="../qml/ChatListDelegate.qml" line="67"/>
        <source>Chat name</source>
        <translation>チャット名</translation>
    </message>
    <message>
        <location filename="../qml/ChatListDelegate.qml" line="82"/>
        <source>Chat actions</source>
        <translation>チャットの操作</translation>
    </message>
    <message>
        <location filename="../qml/ChatListDelegate.qml" line="91"/>
        <source>Rename</source>
        <translation>名前を変更</translation>
    </message>
    <message>
        <location filename="../qml/ChatListDelegate.qml" line="92"/>
        <source>Fork</source>
        <translation>新しいチャットに分岐</translation>
    </message>
    <message>
        <location filename="../qml/ChatListDelegate.qml" line="93"/>
        <source>Export as Markdown…</source>
        <translation>Markdown でエクスポート…</translation>
    </message>
    <message>
        <location filename="../qml/ChatListDelegate.qml" line="94"/>
        <source>Export as JSON…</source>
        <translation>JSON でエクスポート…</translation>
    </message>
    <message>
        <location filename="../qml/ChatListDelegate.qml" line="95"/>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
</context>
<context>
    <name>ChatListModel</name>
    <message>
        <location filename="../qml/models/chatlistmodel.cpp" line="42"/>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <location filename="../qml/models/chatlistmodel.cpp" line="44"/>
        <source>Yesterday</source>
        <translation>昨日</translation>
    </message>
    <message>
        <location filename="../qml/models/chatlistmodel.cpp" line="46"/>
        <source>Previous 7 days</source>
        <translation>過去 7 日間</translation>
    </message>
    <message>
        <location filename="../qml/models/chatlistmodel.cpp" line="47"/>
        <source>Older</source>
        <translation>それ以前</translation>
    </message>
    <message>
        <location filename="../qml/models/chatlistmodel.cpp" line="52"/>
        <source>New chat</source>
        <translation>新しいチャット</translation>
    </message>
</context>
<context>
    <name>CodeBlock</name>
    <message>
        <location filename="../qml/CodeBlock.qml" line="19"/>
        <source>%1 code</source>
        <translation>%1 のコード</translation>
    </message>
    <message>
        <location filename="../qml/CodeBlock.qml" line="19"/>
        <source>Code</source>
        <translation>コード</translation>
    </message>
    <message>
        <location filename="../qml/CodeBlock.qml" line="33"/>
        <source>code</source>
        <translation>コード</translation>
    </message>
    <message>
        <location filename="../qml/CodeBlock.qml" line="46"/>
        <source>Copied</source>
        <translation>コピーしました</translation>
    </message>
    <message>
        <location filename="../qml/CodeBlock.qml" line="46"/>
        <source>Copy</source>
        <translation>コピー</translation>
    </message>
    <message>
        <location filename="../qml/CodeBlock.qml" line="52"/>
        <source>Copy code</source>
        <translation>コードをコピー</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <location filename="../qml/Composer.qml" line="30"/>
        <source>Wait until the files are uploaded.</source>
        <translation>ファイルのアップロードが終わるまでお待ちください。</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="41"/>
        <source>Attach files</source>
        <translation>ファイルを添付</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="43"/>
        <source>Images, PDF and text (%1)</source>
        <translation>画像、PDF、テキスト (%1)</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="44"/>
        <source>All files (*)</source>
        <translation>すべてのファイル (*)</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="92"/>
        <source>Message Teehee…  (Enter sends, Shift+Enter for a new line)</source>
        <translation>Teehee にメッセージ…  (Enter で送信、Shift+Enter で改行)</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="99"/>
        <source>Message</source>
        <translation>メッセージ</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="123"/>
        <source>Attach files (images, PDF, text)</source>
        <translation>ファイルを添付 (画像、PDF、テキスト)</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="153"/>
        <source>Stop (Esc)</source>
        <translation>停止 (Esc)</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="153"/>
        <source>Send (Enter)</source>
        <translation>送信 (Enter)</translation>
    </message>
</context>
<context>
    <name>ContextMeter</name>
    <message numerus="yes">
        <location filename="../qml/controllers/contextmeter.cpp" line="69"/>
        <source>%Ln tokens (the model&apos;s context window is not known)</source>
        <translation>
            <numerusform>%Ln トークン (モデルのコンテキストウィンドウは不明です)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/controllers/contextmeter.cpp" line="70"/>
        <source>%1 of %2 tokens</source>
        <translation>%2 トークン中 %1</translation>
    </message>
</context>
<context>
    <name>ContextRing</name>
    <message>
        <location filename="../qml/ContextRing.qml" line="18"/>
        <source>Context window: %1</source>
        <translation>コンテキストウィンドウ: %1</translation>
    </message>
    <message>
        <location filename="../qml/ContextRing.qml" line="50"/>
        <source>%1 (estimated)</source>
        <translation>%1 (推定)</translation>
    </message>
</context>
<context>
    <name>ConversationView</name>
    <message>
        <location filename="../qml/ConversationView.qml" line="77"/>
        <source>Messages</source>
        <translation>メッセージ</translation>
    </message>
    <message>
        <location filename="../qml/ConversationView.qml" line="183"/>
        <source>Jump to latest</source>
        <translation>最新へ移動</translation>
    </message>
</context>
<context>
    <name>DataPanel</name>
    <message>
        <location filename="../qml/DataPanel.qml" line="29"/>
        <source>Export all chats…</source>
        <translation>すべてのチャットをエクスポート…</translation>
    </message>
    <message>
        <location filename="../qml/DataPanel.qml" line="35"/>
        <source>Import…</source>
        <translation>インポート…</translation>
    </message>
    <message>
        <location filename="../qml/DataPanel.qml" line="40"/>
        <source>Imports take Teehee exports and ChatGPT&apos;s conversations.json. Chats already imported are skipped.</source>
        <translation>Teehee のエクスポートと ChatGPT の conversations.json を読み込めます。読み込み済みのチャットは飛ばします。</translation>
    </message>
    <message>
        <location filename="../qml/DataPanel.qml" line="47"/>
        <source>Importing</source>
        <translation>インポート中</translation>
    </message>
    <message>
        <location filename="../qml/DataPanel.qml" line="47"/>
        <source>Exporting</source>
        <translation>エクスポート中</translation>
    </message>
    <message>
        <location filename="../qml/DataPanel.qml" line="59"/>
        <source>Export all chats</source>
        <translation>すべてのチャットをエクスポート</translation>
    </message>
    <message>
        <location filename="../qml/DataPanel.qml" line="61"/>
        <location filename="../qml/DataPanel.qml" line="70"/>
        <source>JSON files (*.json)</source>
        <translation>JSON ファイル (*.json)</translation>
    </message>
    <message>
        <location filename="../qml/DataPanel.qml" line="68"/>
        <source>Import chats</source>
        <translation>チャットをインポート</translation>
    </message>
    <message>
        <location filename="../qml/DataPanel.qml" line="70"/>
        <source>All files (*)</source>
        <translation>すべてのファイル (*)</translation>
    </message>
</context>
<context>
    <name>FailureText</name>
    <message>
        <location filename="../qml/controllers/failuretext.cpp" line="13"/>
        <source>There is no API key for this provider yet. Add one in Settings, then retry.</source>
        <translation>このプロバイダーの API キーがまだありません。設定で追加してから、もう一度お試しください。</translation>
    </message>
    <message>
        <location filename="../qml/controllers/failuretext.cpp" line="15"/>
        <source>The provider refused the API key. Check or replace it in Settings, then retry.</source>
        <translation>プロバイダーが API キーを拒否しました。設定で確認または置き換えてから、もう一度お試しください。</translation>
    </message>
    <message>
        <location filename="../qml/controllers/failuretext.cpp" line="17"/>
        <source>No model is chosen for this provider. Pick one in the model menu.</source>
        <translation>このプロバイダーのモデルが選ばれていません。モデルメニューから選んでください。</translation>
    </message>
    <message>
        <location filename="../qml/controllers/failuretext.cpp" line="19"/>
        <source>This provider is not available. Pick another model.</source>
        <translation>このプロバイダーは利用できません。別のモデルを選んでください。</translation>
    </message>
    <message>
        <location filename="../qml/controllers/failuretext.cpp" line="21"/>
        <source>A reply is still being written in this chat. Stop it or wait for it to finish.</source>
        <translation>このチャットではまだ返信を書いています。停止するか、終わるまでお待ちください。</translation>
    </message>
    <message>
        <location filename="../qml/controllers/failuretext.cpp" line="23"/>
        <source>This reply cannot be continued.</source>
        <translation>この返信は続けられません。</translation>
    </message>
    <message>
        <location filename="../qml/controllers/failuretext.cpp" line="25"/>
        <source>That is no longer there.</source>
        <translation>それはもう存在しません。</translation>
    </message>
    <message>
        <location filename="../qml/controllers/failuretext.cpp" line="27"/>
        <source>Too many requests right now. Try again in a moment.</source>
        <translation>現在リクエストが多すぎます。少し待ってからもう一度お試しください。</translation>
    </message>
    <message>
        <location filename="../qml/controllers/failuretext.cpp" line="29"/>
        <source>Not allowed.</source>
        <translation>許可されていません。</translation>
    </message>
    <message>
        <location filename="../qml/controllers/failuretext.cpp" line="31"/>
        <source>The chats cannot be reached right now.</source>
        <translation>現在チャットにアクセスできません。</translation>
    </message>
    <message>
        <location filename="../qml/controllers/failuretext.cpp" line="33"/>
        <source>This model cannot read images. Choose one that can in the model menu, then retry.</source>
        <translation>このモデルは画像を読めません。モデルメニューで読めるモデルを選んで、もう一度試してください。</translation>
    </message>
    <message>
        <location filename="../qml/controllers/failuretext.cpp" line="35"/>
        <source>That is too large to send.</source>
        <translation>大きすぎて送信できません。</translation>
    </message>
    <message>
        <location filename="../qml/controllers/failuretext.cpp" line="37"/>
        <source>That kind of file cannot be attached. Images (PNG, JPEG, GIF, WebP), PDF and text files can.</source>
        <translation>この種類のファイルは添付できません。添付できるのは画像 (PNG、JPEG、GIF、WebP)、PDF、テキストファイルです。</translation>
    </message>
    <message>
        <location filename="../qml/controllers/failuretext.cpp" line="39"/>
        <source>The server&apos;s certificate is not the one you confirmed. Someone may be in between: check the server before you sign in again.</source>
        <translation>サーバーの証明書が、確認したものと違います。誰かが間に入っている可能性があります。再度サインインする前にサーバーを確認してください。</translation>
    </message>
    <message>
        <location filename="../qml/controllers/failuretext.cpp" line="41"/>
        <source>The file could not be read or written. Check where it is and that you may use it.</source>
        <translation>ファイルを読み書きできませんでした。場所と使用権限を確認してください。</translation>
    </message>
    <message>
        <location filename="../qml/controllers/failuretext.cpp" line="43"/>
        <source>This was answered on another device.</source>
        <translation>これは別のデバイスで既に回答されました。</translation>
    </message>
    <message>
        <location filename="../qml/controllers/failuretext.cpp" line="48"/>
        <source>Something went wrong.</source>
        <translation>問題が発生しました。</translation>
    </message>
</context>
<context>
    <name>KeyForm</name>
    <message>
        <location filename="../qml/KeyForm.qml" line="38"/>
        <source>%1 API key</source>
        <translation>%1 の API キー</translation>
    </message>
    <message>
        <location filename="../qml/KeyForm.qml" line="42"/>
        <source>Test</source>
        <translation>テスト</translation>
    </message>
    <message>
        <location filename="../qml/KeyForm.qml" line="44"/>
        <source>Testing…</source>
        <translation>テスト中…</translation>
    </message>
    <message>
        <location filename="../qml/KeyForm.qml" line="48"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../qml/KeyForm.qml" line="64"/>
        <source>Saved.</source>
        <translation>保存しました。</translation>
    </message>
</context>
<context>
    <name>LanguageController</name>
    <message>
        <location filename="../qml/languagecontroller.cpp" line="95"/>
        <source>System default</source>
        <translation>システムの設定</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/Main.qml" line="100"/>
        <source>Reconnecting… Replies go on on the server and continue here when it is back.</source>
        <translation>再接続しています… 返答はサーバーで続き、接続が戻るとここに表示されます。</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="119"/>
        <source>Teehee could not start: %1</source>
        <translation>Teehee を起動できませんでした: %1</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="186"/>
        <source>Drop files to attach them</source>
        <translation>ドロップして添付</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="199"/>
        <source>Deleted “%1”</source>
        <translation>「%1」を削除しました</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="199"/>
        <source>Undo</source>
        <translation>元に戻す</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="221"/>
        <source>“%1” asks to use your chats (number %2)</source>
        <translation>「%1」がチャットの利用を求めています（番号 %2）</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="222"/>
        <source>Review</source>
        <translation>確認</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="239"/>
        <source>Reply finished: %1</source>
        <translation>応答が完了しました: %1</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="239"/>
        <source>Reply stopped: %1</source>
        <translation>応答を停止しました: %1</translation>
    </message>
</context>
<context>
    <name>MessageActions</name>
    <message>
        <location filename="../qml/MessageActions.qml" line="31"/>
        <source>Copy</source>
        <translation>コピー</translation>
    </message>
    <message>
        <location filename="../qml/MessageActions.qml" line="32"/>
        <source>Edit</source>
        <translation>編集</translation>
    </message>
    <message>
        <location filename="../qml/MessageActions.qml" line="33"/>
        <source>Regenerate</source>
        <translation>再生成</translation>
    </message>
    <message>
        <location filename="../qml/MessageActions.qml" line="34"/>
        <source>Continue</source>
        <translation>続ける</translation>
    </message>
    <message>
        <location filename="../qml/MessageActions.qml" line="35"/>
        <source>Fork into a new chat from here</source>
        <translation>ここから新しいチャットに分岐</translation>
    </message>
    <message>
        <location filename="../qml/MessageActions.qml" line="36"/>
        <source>Delete message</source>
        <translation>メッセージを削除</translation>
    </message>
    <message>
        <location filename="../qml/MessageActions.qml" line="46"/>
        <source>Sent %1</source>
        <translation>送信 %1</translation>
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
        <translation>画像: %1</translation>
    </message>
    <message>
        <location filename="../qml/MessageAttachments.qml" line="65"/>
        <source>Image unavailable</source>
        <translation>画像を表示できません</translation>
    </message>
    <message>
        <location filename="../qml/MessageAttachments.qml" line="121"/>
        <source>“%1” was removed</source>
        <translation>「%1」は削除されました</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <location filename="../qml/MessageDelegate.qml" line="51"/>
        <source>You said</source>
        <translation>あなたの発言</translation>
    </message>
    <message>
        <location filename="../qml/MessageDelegate.qml" line="51"/>
        <source>Reply</source>
        <translation>応答</translation>
    </message>
    <message>
        <location filename="../qml/MessageDelegate.qml" line="51"/>
        <source>writing…</source>
        <translation>生成中…</translation>
    </message>
    <message>
        <location filename="../qml/MessageDelegate.qml" line="91"/>
        <source>%1 tokens in, %2 out</source>
        <translation>入力 %1 トークン、出力 %2 トークン</translation>
    </message>
    <message>
        <location filename="../qml/MessageDelegate.qml" line="92"/>
        <source>Cost: %1</source>
        <translation>費用：%1</translation>
    </message>
</context>
<context>
    <name>MessageEditor</name>
    <message>
        <location filename="../qml/MessageEditor.qml" line="26"/>
        <source>Edit message</source>
        <translation>メッセージを編集</translation>
    </message>
    <message>
        <location filename="../qml/MessageEditor.qml" line="37"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../qml/MessageEditor.qml" line="38"/>
        <source>Save &amp; submit</source>
        <translation>保存して送信</translation>
    </message>
</context>
<context>
    <name>MessageNotice</name>
    <message>
        <location filename="../qml/MessageNotice.qml" line="58"/>
        <source>The reply failed.</source>
        <translation>応答に失敗しました。</translation>
    </message>
    <message>
        <location filename="../qml/MessageNotice.qml" line="54"/>
        <source>Stopped</source>
        <translation>停止しました</translation>
    </message>
    <message>
        <location filename="../qml/MessageNotice.qml" line="32"/>
        <source>Rate limited</source>
        <translation>レート制限中</translation>
    </message>
    <message>
        <location filename="../qml/MessageNotice.qml" line="55"/>
        <source>Rate limited — retry in %1 s</source>
        <translation>レート制限中 — %1 秒後に再試行できます</translation>
    </message>
    <message>
        <location filename="../qml/MessageNotice.qml" line="56"/>
        <location filename="../qml/MessageNotice.qml" line="57"/>
        <source>Rate limited — you can retry now</source>
        <translation>レート制限中 — 今すぐ再試行できます</translation>
    </message>
    <message>
        <location filename="../qml/MessageNotice.qml" line="67"/>
        <source>Open settings</source>
        <translation>設定を開く</translation>
    </message>
    <message>
        <location filename="../qml/MessageNotice.qml" line="67"/>
        <source>Add key</source>
        <translation>キーを追加</translation>
    </message>
    <message>
        <location filename="../qml/MessageNotice.qml" line="75"/>
        <source>Retry</source>
        <translation>再試行</translation>
    </message>
    <message>
        <location filename="../qml/MessageNotice.qml" line="81"/>
        <source>Continue</source>
        <translation>続ける</translation>
    </message>
</context>
<context>
    <name>ModelOptions</name>
    <message>
        <location filename="../qml/ModelOptions.qml" line="24"/>
        <location filename="../qml/ModelOptions.qml" line="97"/>
        <source>Default</source>
        <translation>既定</translation>
    </message>
    <message>
        <location filename="../qml/ModelOptions.qml" line="29"/>
        <source>Parameters for this chat</source>
        <translation>このチャットのパラメーター</translation>
    </message>
    <message>
        <location filename="../qml/ModelOptions.qml" line="40"/>
        <location filename="../qml/ModelOptions.qml" line="48"/>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <location filename="../qml/ModelOptions.qml" line="52"/>
        <source>default</source>
        <translation>既定</translation>
    </message>
    <message>
        <location filename="../qml/ModelOptions.qml" line="65"/>
        <source>Longest reply</source>
        <translation>最長の返信</translation>
    </message>
    <message>
        <location filename="../qml/ModelOptions.qml" line="75"/>
        <source>Longest reply, in tokens</source>
        <translation>最長の返信（トークン数）</translation>
    </message>
    <message>
        <location filename="../qml/ModelOptions.qml" line="78"/>
        <source>tokens</source>
        <translation>トークン</translation>
    </message>
    <message>
        <location filename="../qml/ModelOptions.qml" line="88"/>
        <location filename="../qml/ModelOptions.qml" line="103"/>
        <source>Reasoning effort</source>
        <translation>推論の強さ</translation>
    </message>
    <message>
        <location filename="../qml/ModelOptions.qml" line="98"/>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <location filename="../qml/ModelOptions.qml" line="99"/>
        <source>Medium</source>
        <translation>中</translation>
    </message>
    <message>
        <location filename="../qml/ModelOptions.qml" line="100"/>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <location filename="../qml/ModelOptions.qml" line="112"/>
        <location filename="../qml/ModelOptions.qml" line="116"/>
        <source>Extended thinking</source>
        <translation>拡張思考</translation>
    </message>
</context>
<context>
    <name>ModelPicker</name>
    <message>
        <location filename="../qml/ModelPicker.qml" line="15"/>
        <source>Choose a model</source>
        <translation>モデルを選択</translation>
    </message>
    <message>
        <location filename="../qml/ModelPicker.qml" line="22"/>
        <source>Model: %1 (%2)</source>
        <translation>モデル: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../qml/ModelPicker.qml" line="37"/>
        <source>no key</source>
        <translation>キーなし</translation>
    </message>
    <message>
        <location filename="../qml/ModelPicker.qml" line="69"/>
        <source>Search models</source>
        <translation>モデルを検索</translation>
    </message>
    <message>
        <location filename="../qml/ModelPicker.qml" line="81"/>
        <source>Models</source>
        <translation>モデル</translation>
    </message>
    <message>
        <location filename="../qml/ModelPicker.qml" line="122"/>
        <source>Make it the default for new chats</source>
        <translation>新しいチャットの既定にする</translation>
    </message>
</context>
<context>
    <name>PendingAttachments</name>
    <message>
        <location filename="../qml/controllers/pendingattachments.cpp" line="83"/>
        <source>“%1” is too large: a file may have at most %2.</source>
        <translation>「%1」は大きすぎます。ファイルは最大 %2 までです。</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/controllers/pendingattachments.cpp" line="90"/>
        <source>A message can carry at most %n files.</source>
        <translation>
            <numerusform>1 つのメッセージに添付できるファイルは最大 %n 個です。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/controllers/pendingattachments.cpp" line="102"/>
        <source>“%1” is not a file on this computer.</source>
        <translation>「%1」はこのコンピューター上のファイルではありません。</translation>
    </message>
    <message>
        <location filename="../qml/controllers/pendingattachments.cpp" line="110"/>
        <location filename="../qml/controllers/pendingattachments.cpp" line="217"/>
        <source>“%1” cannot be attached: images (PNG, JPEG, GIF, WebP), PDF and text files can.</source>
        <translation>「%1」は添付できません。添付できるのは画像 (PNG、JPEG、GIF、WebP)、PDF、テキストファイルです。</translation>
    </message>
    <message>
        <location filename="../qml/controllers/pendingattachments.cpp" line="140"/>
        <source>“%1” could not be read.</source>
        <translation>「%1」を読み込めませんでした。</translation>
    </message>
    <message>
        <location filename="../qml/controllers/pendingattachments.cpp" line="160"/>
        <source>Pasted image %1.png</source>
        <translation>貼り付けた画像 %1.png</translation>
    </message>
    <message>
        <location filename="../qml/controllers/pendingattachments.cpp" line="218"/>
        <source>“%1” was not attached: %2</source>
        <translation>「%1」は添付されませんでした: %2</translation>
    </message>
    <message>
        <location filename="../qml/controllers/pendingattachments.cpp" line="260"/>
        <source>%1 cannot read images. Choose a model that can, or remove the images.</source>
        <translation>%1 は画像を読めません。画像を読めるモデルを選ぶか、画像を取り除いてください。</translation>
    </message>
</context>
<context>
    <name>SettingsController</name>
    <message>
        <location filename="../qml/controllers/settingscontroller.cpp" line="132"/>
        <source>Custom endpoint</source>
        <translation>カスタムエンドポイント</translation>
    </message>
    <message>
        <location filename="../qml/controllers/settingscontroller.cpp" line="204"/>
        <source>Local server</source>
        <translation>ローカルサーバー</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/controllers/settingscontroller.cpp" line="221"/>
        <source>The key works: %n model(s) available.</source>
        <translation>
            <numerusform>キーは有効です。利用できるモデルは %n 個です。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="13"/>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="25"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="59"/>
        <source>Account</source>
        <translation>アカウント</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="62"/>
        <source>Providers &amp; keys</source>
        <translation>プロバイダーとキー</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="71"/>
        <location filename="../qml/SettingsDialog.qml" line="113"/>
        <source>Test</source>
        <translation>テスト</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="71"/>
        <source>Test %1</source>
        <translation>%1 をテスト</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="72"/>
        <source>Testing…</source>
        <translation>テスト中…</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="73"/>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="73"/>
        <source>Delete the %1 key</source>
        <translation>%1 のキーを削除</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="95"/>
        <source>No keys yet.</source>
        <translation>キーはまだありません。</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="98"/>
        <source>Also available from the environment: %1</source>
        <translation>環境変数からも利用可能: %1</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="100"/>
        <source>Add or replace a key:</source>
        <translation>キーを追加または置き換え:</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="103"/>
        <source>Custom OpenAI-compatible endpoint</source>
        <translation>OpenAI 互換のカスタムエンドポイント</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="104"/>
        <source>Ollama, LM Studio, vLLM, llama.cpp, OpenRouter… The key is optional for local servers.</source>
        <translation>Ollama、LM Studio、vLLM、llama.cpp、OpenRouter など。ローカルサーバーではキーを省略できます。</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="105"/>
        <source>Add as many as you use: each one is its own choice in the model chip. Saving under an existing name replaces that endpoint.</source>
        <translation>使うものをいくつでも追加できます。それぞれがモデル選択で個別の選択肢になります。既存の名前で保存するとそのエンドポイントを置き換えます。</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="109"/>
        <source>Name, e.g. Ollama</source>
        <translation>名前 (例: Ollama)</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="110"/>
        <source>Base URL</source>
        <translation>ベース URL</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="111"/>
        <source>API key (optional)</source>
        <translation>API キー (任意)</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="114"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="119"/>
        <source>Default model</source>
        <translation>既定のモデル</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="120"/>
        <source>New chats start with %1 · %2. Choose another one from the model chip in the composer and make it the default there.</source>
        <translation>新しいチャットは %1 · %2 で始まります。入力欄のモデル選択で別のモデルを選び、そこで既定に設定できます。</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="123"/>
        <source>Appearance</source>
        <translation>外観</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="126"/>
        <source>System</source>
        <translation>システム</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="127"/>
        <source>Light</source>
        <translation>ライト</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="128"/>
        <source>Dark</source>
        <translation>ダーク</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="131"/>
        <location filename="../qml/SettingsDialog.qml" line="136"/>
        <source>Text size</source>
        <translation>文字サイズ</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="142"/>
        <location filename="../qml/SettingsDialog.qml" line="146"/>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="206"/>
        <source>Sharing</source>
        <translation>共有</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="209"/>
        <source>Usage</source>
        <translation>使用量</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="212"/>
        <source>Tools</source>
        <translation>ツール</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="215"/>
        <source>Data</source>
        <translation>データ</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="217"/>
        <source>Chats are kept by %1</source>
        <translation>チャットは %1 に保存されています</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="218"/>
        <source>Chats are stored in %1</source>
        <translation>チャットの保存先: %1</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="219"/>
        <source>Data folder: %1</source>
        <translation>データフォルダー: %1</translation>
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
        <translation>このネットワークで共有</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="66"/>
        <location filename="../qml/SharingPanel.qml" line="71"/>
        <source>Port</source>
        <translation>ポート</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="80"/>
        <source>Sharing could not start: %1</source>
        <translation>共有を開始できませんでした: %1</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="81"/>
        <source>Starting…</source>
        <translation>開始しています…</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="82"/>
        <source>Other devices on this network can use your chats and keys after you let them in here. The connection is encrypted.</source>
        <translation>ここで許可すると、このネットワーク上の他のデバイスがあなたのチャットとキーを使えるようになります。接続は暗号化されます。</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="91"/>
        <source>Open on another device</source>
        <translation>別のデバイスで開く</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="97"/>
        <source>Pair a phone or tablet</source>
        <translation>スマートフォンやタブレットをペアリング</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="98"/>
        <source>Scan this code with the other device&apos;s camera, then compare the number it shows with the one below.</source>
        <translation>もう一方のデバイスのカメラでこのコードを読み取り、表示された番号と下の番号を比べてください。</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="112"/>
        <source>QR code of the pairing link</source>
        <translation>ペアリングリンクのQRコード</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="124"/>
        <source>Valid for %1:%2</source>
        <translation>有効期限まで %1:%2</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="126"/>
        <source>Making a new code…</source>
        <translation>新しいコードを作成しています…</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="128"/>
        <source>New code</source>
        <translation>新しいコード</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="130"/>
        <source>SHA-256 fingerprint</source>
        <translation>SHA-256 フィンガープリント</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="132"/>
        <source>A device that asks you to trust a certificate should show this same fingerprint.</source>
        <translation>証明書を信頼するよう求めるデバイスには、これと同じフィンガープリントが表示されるはずです。</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="136"/>
        <source>Waiting for approval</source>
        <translation>承認待ち</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="152"/>
        <source>Number %1</source>
        <translation>番号 %1</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="156"/>
        <source>Approve</source>
        <translation>承認</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="158"/>
        <source>Approve %1</source>
        <translation>%1 を承認</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="163"/>
        <source>Deny</source>
        <translation>拒否</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="164"/>
        <source>Deny %1</source>
        <translation>%1 を拒否</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="171"/>
        <source>Replies running from other devices</source>
        <translation>他のデバイスから実行中の返信</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="181"/>
        <source>%1 in “%2”</source>
        <translation>%1（「%2」）</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="181"/>
        <source>Another device</source>
        <translation>別のデバイス</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="182"/>
        <source>New chat</source>
        <translation>新しいチャット</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="195"/>
        <source>Your keys</source>
        <translation>あなたのキー</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="198"/>
        <source>People with their own account here can always add their own keys. Yours stay hidden from them either way.</source>
        <translation>ここに自分のアカウントを持つ人は、いつでも自分のキーを追加できます。あなたのキーはどちらの場合も相手には見えません。</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="206"/>
        <source>Let other people use my %1 key</source>
        <translation>他の人に自分の %1 キーの使用を許可する</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="222"/>
        <source>Accounts for other people</source>
        <translation>他の人のアカウント</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="231"/>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="243"/>
        <source>Create account</source>
        <translation>アカウントを作成</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="188"/>
        <location filename="../qml/SharingPanel.qml" line="264"/>
        <source>Since %1</source>
        <translation>%1 から</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="223"/>
        <source>Each person gets chats of their own. They sign in on the shared address with the name and the password you give them (8 characters or more).</source>
        <translation>各自が自分のチャットを持ちます。共有アドレスで、あなたが伝えた名前とパスワード（8 文字以上）でサインインします。</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="238"/>
        <source>Password</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="270"/>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="272"/>
        <source>Remove %1</source>
        <translation>%1 を削除</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="278"/>
        <source>Paired devices</source>
        <translation>ペアリング済みのデバイス</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="288"/>
        <source>Last seen %1</source>
        <translation>最終接続 %1</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="293"/>
        <source>Revoke</source>
        <translation>取り消す</translation>
    </message>
    <message>
        <location filename="../qml/SharingPanel.qml" line="295"/>
        <source>Revoke %1</source>
        <translation>%1 を取り消す</translation>
    </message>
</context>
<context>
    <name>ShortcutsSheet</name>
    <message>
        <location filename="../qml/ShortcutsSheet.qml" line="12"/>
        <source>Keyboard shortcuts</source>
        <translation>キーボードショートカット</translation>
    </message>
    <message>
        <location filename="../qml/ShortcutsSheet.qml" line="26"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location filename="../qml/ShortcutsSheet.qml" line="30"/>
        <source>Send</source>
        <translation>送信</translation>
    </message>
    <message>
        <location filename="../qml/ShortcutsSheet.qml" line="30"/>
        <source>New line</source>
        <translation>改行</translation>
    </message>
    <message>
        <location filename="../qml/ShortcutsSheet.qml" line="30"/>
        <source>Stop the reply, cancel an edit</source>
        <translation>応答を停止、編集をキャンセル</translation>
    </message>
    <message>
        <location filename="../qml/ShortcutsSheet.qml" line="31"/>
        <source>New chat</source>
        <translation>新しいチャット</translation>
    </message>
    <message>
        <location filename="../qml/ShortcutsSheet.qml" line="31"/>
        <source>Search chats</source>
        <translation>チャットを検索</translation>
    </message>
    <message>
        <location filename="../qml/ShortcutsSheet.qml" line="31"/>
        <source>Show or hide the sidebar</source>
        <translation>サイドバーの表示/非表示</translation>
    </message>
    <message>
        <location filename="../qml/ShortcutsSheet.qml" line="32"/>
        <source>Rename the selected chat</source>
        <translation>選択したチャットの名前を変更</translation>
    </message>
    <message>
        <location filename="../qml/ShortcutsSheet.qml" line="32"/>
        <source>Delete the selected chat</source>
        <translation>選択したチャットを削除</translation>
    </message>
    <message>
        <location filename="../qml/ShortcutsSheet.qml" line="33"/>
        <source>Previous / next branch of the focused message</source>
        <translation>選択中のメッセージの前 / 次の分岐</translation>
    </message>
    <message>
        <location filename="../qml/ShortcutsSheet.qml" line="34"/>
        <source>Copy the last reply</source>
        <translation>最後の応答をコピー</translation>
    </message>
    <message>
        <location filename="../qml/ShortcutsSheet.qml" line="34"/>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <location filename="../qml/ShortcutsSheet.qml" line="35"/>
        <source>Larger / smaller / normal text</source>
        <translation>文字を大きく / 小さく / 標準に</translation>
    </message>
    <message>
        <location filename="../qml/ShortcutsSheet.qml" line="35"/>
        <source>This sheet</source>
        <translation>この一覧</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <location filename="../qml/Sidebar.qml" line="50"/>
        <source>New chat</source>
        <translation>新しいチャット</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="52"/>
        <source>New chat (Ctrl+N)</source>
        <translation>新しいチャット (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="60"/>
        <source>Search chats (Ctrl+K)</source>
        <translation>チャットを検索 (Ctrl+K)</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="61"/>
        <source>Filter chats by title</source>
        <translation>タイトルでチャットを絞り込む</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="99"/>
        <source>Chats</source>
        <translation>チャット</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="137"/>
        <source>No chat matches</source>
        <translation>一致するチャットはありません</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="137"/>
        <source>No chats yet</source>
        <translation>チャットはまだありません</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="217"/>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="219"/>
        <source>Settings (Ctrl+,)</source>
        <translation>設定 (Ctrl+,)</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="222"/>
        <source>Keyboard shortcuts (F1)</source>
        <translation>キーボードショートカット (F1)</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="147"/>
        <source>In messages</source>
        <translation>メッセージ内</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="166"/>
        <source>Messages found</source>
        <translation>見つかったメッセージ</translation>
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
        <translation>サイドバーのサイズを変更</translation>
    </message>
    <message>
        <location filename="../qml/SidebarHandle.qml" line="19"/>
        <source>Sidebar width %1 pixels; Left and Right arrows resize it</source>
        <translation>サイドバーの幅 %1 ピクセル。左右の矢印キーで変更できます</translation>
    </message>
</context>
<context>
    <name>SystemPromptDialog</name>
    <message>
        <location filename="../qml/SystemPromptDialog.qml" line="11"/>
        <location filename="../qml/SystemPromptDialog.qml" line="38"/>
        <source>System prompt</source>
        <translation>システムプロンプト</translation>
    </message>
    <message>
        <location filename="../qml/SystemPromptDialog.qml" line="21"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../qml/SystemPromptDialog.qml" line="22"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../qml/SystemPromptDialog.qml" line="28"/>
        <source>Sent before the conversation with every request in this chat.</source>
        <translation>このチャットでは、毎回のリクエストで会話の前に送信されます。</translation>
    </message>
    <message>
        <location filename="../qml/SystemPromptDialog.qml" line="36"/>
        <source>You are a helpful assistant…</source>
        <translation>あなたは親切なアシスタントです…</translation>
    </message>
</context>
<context>
    <name>ThinkingBlock</name>
    <message>
        <location filename="../qml/ThinkingBlock.qml" line="24"/>
        <source>Thinking…</source>
        <translation>考え中…</translation>
    </message>
    <message>
        <location filename="../qml/ThinkingBlock.qml" line="24"/>
        <source>Thinking</source>
        <translation>思考</translation>
    </message>
    <message>
        <location filename="../qml/ThinkingBlock.qml" line="26"/>
        <source>Hide the model&apos;s thinking</source>
        <translation>モデルの思考を隠す</translation>
    </message>
    <message>
        <location filename="../qml/ThinkingBlock.qml" line="26"/>
        <source>Show the model&apos;s thinking</source>
        <translation>モデルの思考を表示</translation>
    </message>
</context>
<context>
    <name>ToolApprovalCard</name>
    <message>
        <location filename="../qml/ToolApprovalCard.qml" line="24"/>
        <source>A tool asks to run: %1 from %2</source>
        <translation>ツールの実行が求められています: %2 の %1</translation>
    </message>
    <message>
        <location filename="../qml/ToolApprovalCard.qml" line="35"/>
        <source>Allow the tool “%1” from “%2” to run?</source>
        <translation>「%2」のツール「%1」の実行を許可しますか?</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/ToolApprovalCard.qml" line="44"/>
        <source>%n more call(s) waiting</source>
        <translation>
            <numerusform>ほかに %n 件の呼び出しが待機中</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/ToolApprovalCard.qml" line="82"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location filename="../qml/ToolApprovalCard.qml" line="88"/>
        <source>Deny</source>
        <translation>拒否</translation>
    </message>
    <message>
        <location filename="../qml/ToolApprovalCard.qml" line="94"/>
        <source>Always allow</source>
        <translation>常に許可</translation>
    </message>
    <message>
        <location filename="../qml/ToolApprovalCard.qml" line="101"/>
        <source>Allow once</source>
        <translation>今回のみ許可</translation>
    </message>
</context>
<context>
    <name>ToolCallBlock</name>
    <message>
        <location filename="../qml/ToolCallBlock.qml" line="21"/>
        <source>waiting for approval</source>
        <translation>承認待ち</translation>
    </message>
    <message>
        <location filename="../qml/ToolCallBlock.qml" line="22"/>
        <source>running</source>
        <translation>実行中</translation>
    </message>
    <message>
        <location filename="../qml/ToolCallBlock.qml" line="23"/>
        <source>ok</source>
        <translation>成功</translation>
    </message>
    <message>
        <location filename="../qml/ToolCallBlock.qml" line="24"/>
        <source>error</source>
        <translation>エラー</translation>
    </message>
    <message>
        <location filename="../qml/ToolCallBlock.qml" line="25"/>
        <source>denied</source>
        <translation>拒否済み</translation>
    </message>
    <message>
        <location filename="../qml/ToolCallBlock.qml" line="36"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../qml/ToolCallBlock.qml" line="38"/>
        <source>Tool call %1: %2</source>
        <translation>ツール呼び出し %1: %2</translation>
    </message>
    <message>
        <location filename="../qml/ToolCallBlock.qml" line="80"/>
        <source>Arguments</source>
        <translation>引数</translation>
    </message>
    <message>
        <location filename="../qml/ToolCallBlock.qml" line="93"/>
        <source>Result</source>
        <translation>結果</translation>
    </message>
</context>
<context>
    <name>ToolsController</name>
    <message>
        <location filename="../qml/controllers/toolscontroller.cpp" line="87"/>
        <source>Each environment line needs the form NAME=value.</source>
        <translation>環境変数の各行は NAME=value の形式にしてください。</translation>
    </message>
    <message>
        <location filename="../qml/controllers/toolscontroller.cpp" line="108"/>
        <source>Each header line needs the form Name: value.</source>
        <translation>ヘッダーの各行は Name: value の形式にしてください。</translation>
    </message>
</context>
<context>
    <name>ToolsPanel</name>
    <message>
        <location filename="../qml/ToolsPanel.qml" line="45"/>
        <source>Tools let models act through MCP servers. Each call asks you first unless you always allow that tool.</source>
        <translation>ツールを使うと、モデルは MCP サーバーを通じて操作できます。常に許可したツール以外は、呼び出しのたびに確認します。</translation>
    </message>
    <message>
        <location filename="../qml/ToolsPanel.qml" line="69"/>
        <source>running</source>
        <translation>実行中</translation>
    </message>
    <message>
        <location filename="../qml/ToolsPanel.qml" line="70"/>
        <source>error</source>
        <translation>エラー</translation>
    </message>
    <message>
        <location filename="../qml/ToolsPanel.qml" line="70"/>
        <source>stopped</source>
        <translation>停止中</translation>
    </message>
    <message>
        <location filename="../qml/ToolsPanel.qml" line="75"/>
        <source>Disable</source>
        <translation>無効にする</translation>
    </message>
    <message>
        <location filename="../qml/ToolsPanel.qml" line="75"/>
        <source>Enable</source>
        <translation>有効にする</translation>
    </message>
    <message>
        <location filename="../qml/ToolsPanel.qml" line="79"/>
        <source>Hide log</source>
        <translation>ログを隠す</translation>
    </message>
    <message>
        <location filename="../qml/ToolsPanel.qml" line="79"/>
        <source>Show log</source>
        <translation>ログを表示</translation>
    </message>
    <message>
        <location filename="../qml/ToolsPanel.qml" line="84"/>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <location filename="../qml/ToolsPanel.qml" line="100"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location filename="../qml/ToolsPanel.qml" line="114"/>
        <source>Nothing logged.</source>
        <translation>ログはありません。</translation>
    </message>
    <message>
        <location filename="../qml/ToolsPanel.qml" line="128"/>
        <source>Command (stdio)</source>
        <translation>コマンド (stdio)</translation>
    </message>
    <message>
        <location filename="../qml/ToolsPanel.qml" line="129"/>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <location filename="../qml/ToolsPanel.qml" line="131"/>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <location filename="../qml/ToolsPanel.qml" line="132"/>
        <source>Command</source>
        <translation>コマンド</translation>
    </message>
    <message>
        <location filename="../qml/ToolsPanel.qml" line="133"/>
        <source>Arguments, one a line</source>
        <translation>引数 (1 行に 1 つ)</translation>
    </message>
    <message>
        <location filename="../qml/ToolsPanel.qml" line="134"/>
        <source>Environment, KEY=VALUE lines</source>
        <translation>環境変数 (KEY=VALUE の行)</translation>
    </message>
    <message>
        <location filename="../qml/ToolsPanel.qml" line="135"/>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <location filename="../qml/ToolsPanel.qml" line="136"/>
        <source>Headers, Name: value lines</source>
        <translation>ヘッダー (Name: value の行)</translation>
    </message>
    <message>
        <location filename="../qml/ToolsPanel.qml" line="142"/>
        <source>Add server</source>
        <translation>サーバーを追加</translation>
    </message>
    <message>
        <location filename="../qml/ToolsPanel.qml" line="155"/>
        <source>Always allowed</source>
        <translation>常に許可</translation>
    </message>
    <message>
        <location filename="../qml/ToolsPanel.qml" line="167"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../qml/ToolsPanel.qml" line="175"/>
        <source>Revoke</source>
        <translation>取り消す</translation>
    </message>
</context>
<context>
    <name>ToolsToggle</name>
    <message>
        <location filename="../qml/ToolsToggle.qml" line="18"/>
        <source>Tools</source>
        <translation>ツール</translation>
    </message>
    <message>
        <location filename="../qml/ToolsToggle.qml" line="22"/>
        <source>Tools on: the model may call your tools</source>
        <translation>ツール オン: モデルがツールを呼び出せます</translation>
    </message>
    <message>
        <location filename="../qml/ToolsToggle.qml" line="22"/>
        <source>Tools off</source>
        <translation>ツール オフ</translation>
    </message>
</context>
<context>
    <name>TransferController</name>
    <message>
        <location filename="../qml/controllers/transfercontroller.cpp" line="71"/>
        <source>All chats exported to %1</source>
        <translation>すべてのチャットを %1 にエクスポートしました</translation>
    </message>
    <message>
        <location filename="../qml/controllers/transfercontroller.cpp" line="83"/>
        <source>This file is not a Teehee export or a ChatGPT conversations.json (%1).</source>
        <translation>このファイルは Teehee のエクスポートでも ChatGPT の conversations.json でもありません（%1）。</translation>
    </message>
    <message>
        <location filename="../qml/controllers/transfercontroller.cpp" line="88"/>
        <source>1 chat imported</source>
        <translation>1 件のチャットをインポートしました</translation>
    </message>
    <message>
        <location filename="../qml/controllers/transfercontroller.cpp" line="89"/>
        <source>%1 chats imported</source>
        <translation>%1 件のチャットをインポートしました</translation>
    </message>
    <message>
        <location filename="../qml/controllers/transfercontroller.cpp" line="91"/>
        <source>%1, %2 already there</source>
        <translation>%1、%2 件は既にあります</translation>
    </message>
    <message>
        <location filename="../qml/controllers/transfercontroller.cpp" line="103"/>
        <source>Chat exported to %1</source>
        <translation>チャットを %1 にエクスポートしました</translation>
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
        <translation>入力 %1 · 出力 %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/UsagePanel.qml" line="64"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n 日</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/UsagePanel.qml" line="76"/>
        <source>%1 tokens in · %2 out</source>
        <translation>入力 %1 トークン · 出力 %2</translation>
    </message>
    <message>
        <location filename="../qml/UsagePanel.qml" line="81"/>
        <source>No replies in these days yet.</source>
        <translation>この期間の返答はまだありません。</translation>
    </message>
    <message>
        <location filename="../qml/UsagePanel.qml" line="83"/>
        <source>By model</source>
        <translation>モデル別</translation>
    </message>
    <message>
        <location filename="../qml/UsagePanel.qml" line="91"/>
        <source>By day</source>
        <translation>日別</translation>
    </message>
    <message>
        <location filename="../qml/UsagePanel.qml" line="100"/>
        <source>Costs use the providers&apos; list prices as of %1. Replies of models without a known price count their tokens only.</source>
        <translation>費用は %1 時点の各プロバイダーの定価で計算しています。価格が分からないモデルの返答はトークン数だけを数えます。</translation>
    </message>
</context>
<context>
    <name>WelcomeCard</name>
    <message>
        <location filename="../qml/WelcomeCard.qml" line="33"/>
        <source>Welcome to Teehee</source>
        <translation>Teehee へようこそ</translation>
    </message>
    <message>
        <location filename="../qml/WelcomeCard.qml" line="33"/>
        <source>What can I help with?</source>
        <translation>何をお手伝いしましょうか？</translation>
    </message>
    <message>
        <location filename="../qml/WelcomeCard.qml" line="45"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../qml/WelcomeCard.qml" line="56"/>
        <source>Explain how a hash map works, with a short code example</source>
        <translation>ハッシュマップの仕組みを短いコード例付きで説明して</translation>
    </message>
    <message>
        <location filename="../qml/WelcomeCard.qml" line="57"/>
        <source>Draft a friendly reply declining a meeting</source>
        <translation>会議を丁寧に断る返信の下書きを書いて</translation>
    </message>
    <message>
        <location filename="../qml/WelcomeCard.qml" line="58"/>
        <source>Compare SQLite and PostgreSQL in a table</source>
        <translation>SQLite と PostgreSQL を表で比較して</translation>
    </message>
    <message>
        <location filename="../qml/WelcomeCard.qml" line="59"/>
        <source>Write a Python script that renames photos by date</source>
        <translation>写真を日付で名前変更する Python スクリプトを書いて</translation>
    </message>
    <message>
        <location filename="../qml/WelcomeCard.qml" line="80"/>
        <source>Add an API key to start chatting. It is kept encrypted on this computer.</source>
        <translation>チャットを始めるには API キーを追加してください。キーはこのコンピューターに暗号化して保存されます。</translation>
    </message>
    <message>
        <location filename="../qml/WelcomeCard.qml" line="94"/>
        <source>Looking for a local server (Ollama, LM Studio)…</source>
        <translation>ローカルサーバー (Ollama、LM Studio) を探しています…</translation>
    </message>
    <message>
        <location filename="../qml/WelcomeCard.qml" line="95"/>
        <source>No local server found on ports 11434 (Ollama) or 1234 (LM Studio).</source>
        <translation>ポート 11434 (Ollama) と 1234 (LM Studio) にローカルサーバーは見つかりませんでした。</translation>
    </message>
    <message>
        <location filename="../qml/WelcomeCard.qml" line="96"/>
        <source>Found a model server on this computer:</source>
        <translation>このコンピューターでモデルサーバーが見つかりました:</translation>
    </message>
    <message>
        <location filename="../qml/WelcomeCard.qml" line="102"/>
        <source>Use %1 (%2 models)</source>
        <translation>%1 を使う (%2 個のモデル)</translation>
    </message>
</context>
</TS>
