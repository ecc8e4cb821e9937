<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en">
<context>
    <name>ConnectDialog</name>
    <message>
        <source>Connect to the hub</source>
        <translation>Se connecter au hub</translation>
    </message>
    <message>
        <source>Enter the hub address your manager gave you, e.g. https://hub.example.com</source>
        <translation>Saisissez l’adresse du hub fournie par votre responsable, par ex. https://hub.example.com</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>This is not a web address. It starts with http:// or https://.</source>
        <translation>Ce n’est pas une adresse web. Elle commence par http:// ou https://.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>The hub cannot be reached. Check the network connection; your work is kept on this terminal and will be sent when the connection is back.</source>
        <translation>Le hub est injoignable. Vérifiez la connexion réseau ; votre travail est conservé sur ce poste et sera envoyé au retour de la connexion.</translation>
    </message>
    <message>
        <source>The hub reported a problem (%1). Try again in a moment; if it keeps happening, tell your manager.</source>
        <translation>Le hub a signalé un problème (%1). Réessayez dans un instant ; si cela se reproduit, prévenez votre responsable.</translation>
    </message>
    <message>
        <source>The user name or password is wrong. Check them and try again.</source>
        <translation>Le nom d’utilisateur ou le mot de passe est incorrect. Vérifiez-les et réessayez.</translation>
    </message>
    <message>
        <source>Your sign-in has expired. Please sign in again.</source>
        <translation>Votre connexion a expiré. Veuillez vous reconnecter.</translation>
    </message>
    <message>
        <source>Nobody is signed in on this terminal. Please sign in.</source>
        <translation>Personne n’est connecté sur ce poste. Veuillez vous connecter.</translation>
    </message>
    <message>
        <source>The hub needs a newer version of Clienteling. Ask your manager to update this terminal.</source>
        <translation>Le hub nécessite une version plus récente de Clienteling. Demandez à votre responsable de mettre ce poste à jour.</translation>
    </message>
    <message>
        <source>The data on this terminal was written by a newer version of Clienteling. Update the app; the data was left untouched.</source>
        <translation>Les données de ce poste ont été écrites par une version plus récente de Clienteling. Mettez l’application à jour ; les données n’ont pas été modifiées.</translation>
    </message>
    <message>
        <source>The data file on this terminal is damaged. It was left untouched; contact support.</source>
        <translation>Le fichier de données de ce poste est endommagé. Il n’a pas été modifié ; contactez le support.</translation>
    </message>
    <message>
        <source>This computer has no password store (keyring) for the sign-in. Ask your IT support to enable the system keyring, then start Clienteling again.</source>
        <translation>Cet ordinateur n’a pas de trousseau de mots de passe (keyring) pour la connexion. Demandez à votre support informatique d’activer le trousseau du système, puis relancez Clienteling.</translation>
    </message>
    <message>
        <source>Some of what you entered is not valid. Check it and try again.</source>
        <translation>Une partie de votre saisie n’est pas valide. Vérifiez-la et réessayez.</translation>
    </message>
    <message>
        <source>The action could not be completed. Try again in a moment.</source>
        <translation>L’action n’a pas pu aboutir. Réessayez dans un instant.</translation>
    </message>
    <message>
        <source>Something went wrong. Try again; if it keeps happening, restart the app and tell your manager.</source>
        <translation>Une erreur s’est produite. Réessayez ; si cela se reproduit, redémarrez l’application et prévenez votre responsable.</translation>
    </message>
    <message>
        <source>Clienteling</source>
        <translation>Clienteling</translation>
    </message>
</context>
<context>
    <name>FirstSyncDialog</name>
    <message>
        <source>Preparing this terminal</source>
        <translation>Préparation de ce poste</translation>
    </message>
    <message>
        <source>Downloading the customers of this store. This happens once.</source>
        <translation>Téléchargement des clients de ce magasin. Cela n’arrive qu’une fois.</translation>
    </message>
    <message>
        <source>%1 of %2 records</source>
        <translation>%1 enregistrements sur %2</translation>
    </message>
    <message>
        <source>%1 records</source>
        <translation>%1 enregistrements</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
</context>
<context>
    <name>FollowupComposer</name>
    <message>
        <source>Send a follow-up</source>
        <translation>Envoyer un suivi</translation>
    </message>
    <message>
        <source>Queue follow-up (Ctrl+Enter)</source>
        <translation>Mettre en file d&apos;envoi (Ctrl+Entrée)</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>Produits</translation>
    </message>
    <message>
        <source>Search the catalog to add a product…</source>
        <translation>Rechercher dans le catalogue pour ajouter un produit…</translation>
    </message>
    <message>
        <source>A personal line, e.g. what suited them</source>
        <translation>Un mot personnel, par ex. ce qui lui allait bien</translation>
    </message>
    <message>
        <source>Personal line</source>
        <translation>Mot personnel</translation>
    </message>
    <message>
        <source>Preview: exactly what the customer gets</source>
        <translation>Aperçu : exactement ce que le client recevra</translation>
    </message>
    <message>
        <source>This customer is not on this terminal yet: sync first.</source>
        <translation>Ce client n&apos;est pas encore sur ce poste : synchronisez d&apos;abord.</translation>
    </message>
    <message>
        <source>Follow-up for %1</source>
        <translation>Suivi pour %1</translation>
    </message>
    <message>
        <source>preferred</source>
        <translation>préféré</translation>
    </message>
    <message>
        <source>The customer agreed to no channel: no follow-up can be sent.</source>
        <translation>Le client n&apos;a accepté aucun canal : aucun suivi ne peut être envoyé.</translation>
    </message>
    <message>
        <source>Online cart</source>
        <translation>Panier en ligne</translation>
    </message>
    <message>
        <source>Bought before</source>
        <translation>Déjà acheté</translation>
    </message>
    <message>
        <source>%1 here</source>
        <translation>%1 ici</translation>
    </message>
    <message>
        <source>Not here</source>
        <translation>Pas ici</translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>Objet : %1</translation>
    </message>
    <message>
        <source>%1 characters</source>
        <translation>%1 caractères</translation>
    </message>
    <message>
        <source>%1 characters · %2 SMS · %3</source>
        <translation>%1 caractères · %2 SMS · %3</translation>
    </message>
</context>
<context>
    <name>FollowupList</name>
    <message>
        <source>Send a follow-up (Ctrl+F)</source>
        <translation>Envoyer un suivi (Ctrl+F)</translation>
    </message>
    <message>
        <source>No follow-up yet.</source>
        <translation>Aucun suivi pour l&apos;instant.</translation>
    </message>
    <message>
        <source>[pending sync]</source>
        <translation>[en attente de synchro]</translation>
    </message>
</context>
<context>
    <name>Followups</name>
    <message>
        <source>Thank you for the visit</source>
        <translation>Merci pour la visite</translation>
    </message>
    <message>
        <source>Products you tried</source>
        <translation>Produits essayés</translation>
    </message>
    <message>
        <source>Your cart is available here today</source>
        <translation>Votre panier est disponible ici aujourd&apos;hui</translation>
    </message>
    <message>
        <source>Delivery and packaging check-in</source>
        <translation>Avis sur la livraison et l&apos;emballage</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>Anniversaire</translation>
    </message>
    <message>
        <source>We miss you</source>
        <translation>Vous nous manquez</translation>
    </message>
    <message>
        <source>Back in stock</source>
        <translation>De retour en stock</translation>
    </message>
    <message>
        <source>No consent recorded for this channel</source>
        <translation>Aucun consentement enregistré pour ce canal</translation>
    </message>
    <message>
        <source>The customer declined messages on this channel</source>
        <translation>Le client a refusé les messages sur ce canal</translation>
    </message>
    <message>
        <source>No email address</source>
        <translation>Pas d&apos;adresse e-mail</translation>
    </message>
    <message>
        <source>No phone number</source>
        <translation>Pas de numéro de téléphone</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>En file d&apos;envoi</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Envoi en cours</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Envoyé</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Remis</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Ouvert</translation>
    </message>
    <message>
        <source>Link opened</source>
        <translation>Lien ouvert</translation>
    </message>
    <message>
        <source>Ordered online</source>
        <translation>Commandé en ligne</translation>
    </message>
    <message>
        <source>Not sent: no consent at sending time</source>
        <translation>Non envoyé : pas de consentement au moment de l&apos;envoi</translation>
    </message>
    <message>
        <source>Not sent: failed</source>
        <translation>Non envoyé : échec de l&apos;envoi</translation>
    </message>
    <message>
        <source>Sending interrupted: to be checked</source>
        <translation>Envoi interrompu : à vérifier</translation>
    </message>
</context>
<context>
    <name>HitsModel</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Carte</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Étape</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>New</source>
        <translation>Nouveau</translation>
    </message>
    <message>
        <source>First purchase</source>
        <translation>Premier achat</translation>
    </message>
    <message>
        <source>Loyal</source>
        <translation>Fidèle</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>À risque</translation>
    </message>
    <message>
        <source>Lapsed</source>
        <translation>Inactif</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>WhatsApp</source>
        <translation>WhatsApp</translation>
    </message>
    <message>
        <source>In store</source>
        <translation>En magasin</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>En ligne</translation>
    </message>
    <message>
        <source>By phone</source>
        <translation>Par téléphone</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Finalisé</translation>
    </message>
    <message>
        <source>Placed</source>
        <translation>Passée</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>Expédiée</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Livrée</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Retournée</translation>
    </message>
    <message>
        <source>Partly returned</source>
        <translation>Retour partiel</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvert</translation>
    </message>
    <message>
        <source>Abandoned</source>
        <translation>Abandonné</translation>
    </message>
    <message>
        <source>Ordered</source>
        <translation>Commandé</translation>
    </message>
    <message>
        <source>cart</source>
        <translation>panier</translation>
    </message>
    <message>
        <source>contact details</source>
        <translation>coordonnées</translation>
    </message>
    <message>
        <source>shipping</source>
        <translation>livraison</translation>
    </message>
    <message>
        <source>payment</source>
        <translation>paiement</translation>
    </message>
    <message>
        <source>review</source>
        <translation>vérification</translation>
    </message>
    <message>
        <source>No tier</source>
        <translation>Sans niveau</translation>
    </message>
    <message>
        <source>Bronze</source>
        <translation>Bronze</translation>
    </message>
    <message>
        <source>Silver</source>
        <translation>Argent</translation>
    </message>
    <message>
        <source>Gold</source>
        <translation>Or</translation>
    </message>
    <message>
        <source>Platinum</source>
        <translation>Platine</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Offline: the hub cannot be reached. Keep working; your changes are kept and will be sent when the connection is back.</source>
        <translation>Hors ligne : le hub est injoignable. Continuez à travailler ; vos modifications sont conservées et seront envoyées au retour de la connexion.</translation>
    </message>
    <message>
        <source>Search by name, phone, email or loyalty card  (Ctrl+K)</source>
        <translation>Rechercher par nom, téléphone, e-mail ou carte de fidélité  (Ctrl+K)</translation>
    </message>
    <message>
        <source>New customer (Ctrl+Shift+N)</source>
        <translation>Nouveau client (Ctrl+Maj+N)</translation>
    </message>
    <message>
        <source>Clienteling</source>
        <translation>Clienteling</translation>
    </message>
    <message>
        <source>All stores</source>
        <translation>Tous les magasins</translation>
    </message>
    <message>
        <source>Clienteling — %1 — %2</source>
        <translation>Clienteling — %1 — %2</translation>
    </message>
</context>
<context>
    <name>NewCustomerDialog</name>
    <message>
        <source>New customer</source>
        <translation>Nouveau client</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Any format, e.g. 06 12 34 56 78</source>
        <translation>Tout format, p. ex. 06 12 34 56 78</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Preferred channel</source>
        <translation>Canal préféré</translation>
    </message>
    <message>
        <source>Agrees to be contacted by</source>
        <translation>Accepte d’être contacté par</translation>
    </message>
    <message>
        <source>Open this profile</source>
        <translation>Ouvrir ce profil</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Créer</translation>
    </message>
    <message>
        <source>The given name is required.</source>
        <translation>Le prénom est obligatoire.</translation>
    </message>
    <message>
        <source>The family name is required.</source>
        <translation>Le nom est obligatoire.</translation>
    </message>
    <message>
        <source>Not a valid phone number for %1.</source>
        <translation>Numéro de téléphone non valide pour %1.</translation>
    </message>
    <message>
        <source>This does not look like an email address.</source>
        <translation>Ceci ne ressemble pas à une adresse e-mail.</translation>
    </message>
    <message>
        <source>Already known: %1 (%2). Open that profile instead?</source>
        <translation>Déjà connu : %1 (%2). Ouvrir plutôt ce profil ?</translation>
    </message>
    <message>
        <source>Other customers have the same details too.</source>
        <translation>D’autres clients ont aussi ces coordonnées.</translation>
    </message>
</context>
<context>
    <name>ProfileView</name>
    <message>
        <source>Search for a customer by name, phone, email or loyalty card.</source>
        <translation>Recherchez un client par nom, téléphone, e-mail ou carte de fidélité.</translation>
    </message>
    <message>
        <source>Customer value</source>
        <translation>Valeur client</translation>
    </message>
    <message>
        <source>Loyalty points</source>
        <translation>Points fidélité</translation>
    </message>
    <message>
        <source>Prefers</source>
        <translation>Préfère</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Home store</source>
        <translation>Magasin habituel</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Magasin</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produit</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>Réf.</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Qté</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Prix</translation>
    </message>
    <message>
        <source>In stock here</source>
        <translation>En stock ici</translation>
    </message>
    <message>
        <source>Write a note about this visit…</source>
        <translation>Notez quelque chose sur cette visite…</translation>
    </message>
    <message>
        <source>Add note (Ctrl+Enter)</source>
        <translation>Ajouter la note (Ctrl+Entrée)</translation>
    </message>
    <message>
        <source>Follow-ups (%1)</source>
        <translation>Suivis (%1)</translation>
    </message>
    <message>
        <source>Agreed to be contacted, %1</source>
        <translation>A accepté d’être contacté, %1</translation>
    </message>
    <message>
        <source>Did not agree to be contacted, %1</source>
        <translation>N’a pas accepté d’être contacté, %1</translation>
    </message>
    <message>
        <source>No consent recorded: do not contact on this channel</source>
        <translation>Aucun consentement enregistré : ne pas contacter sur ce canal</translation>
    </message>
    <message>
        <source>Card %1</source>
        <translation>Carte %1</translation>
    </message>
    <message>
        <source>No contact details</source>
        <translation>Aucune coordonnée</translation>
    </message>
    <message>
        <source>Purchases (%1)</source>
        <translation>Achats (%1)</translation>
    </message>
    <message>
        <source>(%1 returned)</source>
        <translation>(%1 retourné(s))</translation>
    </message>
    <message>
        <source>Online cart (%1)</source>
        <translation>Panier en ligne (%1)</translation>
    </message>
    <message>
        <source>No online cart right now.</source>
        <translation>Aucun panier en ligne pour le moment.</translation>
    </message>
    <message>
        <source>Abandoned at %1</source>
        <translation>Abandonné à l’étape %1</translation>
    </message>
    <message>
        <source>%1, at %2</source>
        <translation>%1, à l’étape %2</translation>
    </message>
    <message>
        <source>%1 · updated %2</source>
        <translation>%1 · mis à jour le %2</translation>
    </message>
    <message>
        <source>%1 here</source>
        <translation>%1 ici</translation>
    </message>
    <message>
        <source>Not here</source>
        <translation>Pas ici</translation>
    </message>
    <message>
        <source>Total %1</source>
        <translation>Total %1</translation>
    </message>
    <message>
        <source>Notes (%1)</source>
        <translation>Notes (%1)</translation>
    </message>
    <message>
        <source>[pending sync]</source>
        <translation>[en attente de synchro]</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nom d’utilisateur</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Hub: %1</source>
        <translation>Hub : %1</translation>
    </message>
    <message>
        <source>Enter your user name and password.</source>
        <translation>Saisissez votre nom d’utilisateur et votre mot de passe.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Connexion…</translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
    <message>
        <source>Sync now (F5)</source>
        <translation>Synchroniser (F5)</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>En ligne</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Pas encore synchronisé</translation>
    </message>
    <message>
        <source>Last sync %1</source>
        <translation>Dernière synchro %1</translation>
    </message>
    <message>
        <source>Pending changes: %1</source>
        <translation>Modifications en attente : %1</translation>
    </message>
    <message>
        <source>Refused by the hub: %1</source>
        <translation>Refusées par le hub : %1</translation>
    </message>
</context>
</TS>
