#pragma once

#include "clienttypes.h"
#include "models/conversationmodel.h"

// The client's messages as the conversation model's rows.
ConversationModel::Status rowStatus(teehee::client::MessageStatus status);
ConversationModel::Message rowOf(const teehee::client::MessageInfo &message);
// A tool call as the model's ToolCallsRole shows it (arguments as indented JSON).
QVariantMap toolCallRow(const teehee::client::ToolCallInfo &call);
