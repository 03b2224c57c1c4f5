#pragma once

#include "clienttypes.h"
#include "models/conversationmodel.h"

// The client's messages as the conversation model's rows.
ConversationModel::Status rowStatus(teehee::client::MessageStatus status);
ConversationModel::Message rowOf(const teehee::client::MessageInfo &message);
// A message's files as the model's rows give them to QML.
QVariantList attachmentRows(const QList<teehee::client::AttachmentInfo> &attachments);
// The ids of the files a row carries that are still there (an edited question keeps them).
QStringList attachmentIds(const ConversationModel::Message &row);
// A tool call as the model's ToolCallsRole shows it (arguments as indented JSON).
QVariantMap toolCallRow(const teehee::client::ToolCallInfo &call);
