import QtQuick
import QtTest
import Teehee
import TeeheeTest

// Two local OpenAI-compatible servers at once (think Ollama and LM Studio):
// each saved endpoint is a provider of its own in the model chip, with its
// live models, and a chat can talk to both, each reply going to its server.
Item {
    id: root
    ConversationController { id: conversation; chatList: ChatListController }
    width: 600; height: 500

    ModelPicker { conversation: conversation; id: picker; anchors.bottom: parent.bottom }

    TestCase {
        name: "Endpoints"
        when: windowShown

        function endpoint(label) {
            for (const p of SettingsController.providers)
                if (p.displayName === label) return p
            return null
        }
        function replyTo(text, provider, model) {
            conversation.chooseModel(provider, model)
            verify(conversation.send(text))
            const row = conversation.messages.count + 1
            tryCompare(conversation.messages, "count", row + 1, 5000)
            tryVerify(() => conversation.messages.get(row).status === ConversationModel.Complete, 5000)
            return conversation.messages.get(row)
        }

        function initTestCase() {
            tryVerify(() => AppStatus.ready, 10000)
            tryVerify(() => ChatListController.listLoaded, 10000)
            tryVerify(() => SettingsController.keysLoaded, 10000)
            tryVerify(() => !conversation.loading)
            ChatListController.newChat()
            tryVerify(() => ChatListController.currentChatId.length > 0 && conversation.messages.count === 0 && !conversation.loading, 5000)
        }

        function test_1_eachEndpointIsAProviderChoice() {
            SettingsController.saveEndpoint("Ollama", FakeProvider.baseUrl, "")
            tryVerify(() => endpoint("Ollama") !== null, 5000)
            SettingsController.saveEndpoint("LM Studio", SecondProvider.baseUrl, "studio-key")
            tryVerify(() => endpoint("LM Studio") !== null && endpoint("Ollama") !== null, 5000)
            const a = endpoint("Ollama"), b = endpoint("LM Studio")
            verify(a.name.startsWith("custom:") && b.name.startsWith("custom:"))
            verify(a.name !== b.name)
            verify(a.hasKey && b.hasKey)
            compare(SettingsController.providerDisplayName(b.name), "LM Studio")
            compare(SettingsController.keys.filter(k => k.provider === "custom").length, 2)

            // Saving under a name that exists replaces that one only.
            SettingsController.saveEndpoint("LM Studio", SecondProvider.baseUrl, "studio-key-2")
            tryVerify(() => endpoint("LM Studio") !== null && endpoint("LM Studio").name !== b.name, 5000)
            compare(SettingsController.keys.filter(k => k.provider === "custom").length, 2)
            verify(endpoint("Ollama") !== null)
        }

        function test_2_liveModelsPerEndpointInThePicker() {
            const a = endpoint("Ollama"), b = endpoint("LM Studio")
            SettingsController.refreshModels(a.name)
            SettingsController.refreshModels(b.name)
            tryVerify(() => SettingsController.modelsFor(a.name).length === 2 && SettingsController.modelsFor(b.name).length === 2, 5000)
            const groups = picker.entries().map(e => e.providerName)
            verify(groups.indexOf("Ollama") >= 0, groups.join(", "))
            verify(groups.indexOf("LM Studio") >= 0, groups.join(", "))
            const studio = picker.entries().filter(e => e.providerName === "LM Studio").map(e => e.name)
            verify(studio.indexOf("fake-model") >= 0, studio.join(", "))
        }

        function test_3_oneChatTalksToBothServers() {
            const a = endpoint("Ollama"), b = endpoint("LM Studio")
            FakeProvider.reply("Hello from the first server.", 0)
            SecondProvider.reply("Hello from the second server.", 0)
            const secondBefore = SecondProvider.requestCount
            const first = replyTo("Who are you?", a.name, "fake-model")
            compare(first.text, "Hello from the first server.")
            compare(first.provider, a.name)
            compare(SecondProvider.requestCount, secondBefore)
            const second = replyTo("And you?", b.name, "fake-model")
            compare(second.text, "Hello from the second server.")
            compare(second.provider, b.name)
            verify(SecondProvider.requestCount > secondBefore)
            verify(SecondProvider.lastRequestBody().indexOf("And you?") >= 0)
            // The reply's header names the endpoint, not "custom".
            compare(SettingsController.providerDisplayName(second.provider), "LM Studio")
        }
    }
}
