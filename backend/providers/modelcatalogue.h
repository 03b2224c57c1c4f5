#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace teehee {

// A model the product knows about without asking the provider.
struct CatalogueModel {
    QString name;        // the id sent to the provider
    QString provider;    // registry name
    QString description;
    int maxTokens = 0;     // most output tokens per reply
    int contextTokens = 0; // context window
    bool legacy = false;   // listed by the original README, possibly retired upstream
    bool images = false;   // takes images in user messages (vision)
};

// The static model list behind GET /models and GET /providers. Providers add
// models faster than any list: a name missing here is still sent as is.
class ModelCatalogue {
public:
    static const QList<CatalogueModel> &all();
    static QList<CatalogueModel> forProvider(const QString &provider);
    static std::optional<CatalogueModel> find(const QString &name);
    static QString defaultModel(const QString &provider);
    // Whether the provider's model takes images; nullopt when the catalogue
    // does not know the model (it is then sent as is).
    static std::optional<bool> takesImages(const QString &provider, const QString &model);
};

} // namespace teehee
