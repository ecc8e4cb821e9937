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
    <name>ProfileEdit</name>
    <message>
        <source>Top</source>
        <translation>Haut</translation>
    </message>
    <message>
        <source>Bottom</source>
        <translation>Bas</translation>
    </message>
    <message>
        <source>Shoes</source>
        <translation>Chaussures</translation>
    </message>
    <message>
        <source>Sizes: %1</source>
        <translation>Tailles : %1</translation>
    </message>
    <message>
        <source>Style: %1</source>
        <translation>Style : %1</translation>
    </message>
    <message>
        <source>Brands: %1</source>
        <translation>Marques : %1</translation>
    </message>
    <message>
        <source>Birthday %1</source>
        <translation>Anniversaire le %1</translation>
    </message>
</context>
<context>
    <name>ProfileEditDialog</name>
    <message>
        <source>Edit profile</source>
        <translation>Modifier la fiche</translation>
    </message>
    <message>
        <source>[pending sync]</source>
        <translation>[en attente de synchro]</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Coordonnées</translation>
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
        <source>Any format; several separated by commas</source>
        <translation>Tout format ; plusieurs numéros séparés par des virgules</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>Téléphones</translation>
    </message>
    <message>
        <source>Several separated by commas</source>
        <translation>Plusieurs adresses séparées par des virgules</translation>
    </message>
    <message>
        <source>Emails</source>
        <translation>E-mails</translation>
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
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <source>Sizes (top, bottom, shoes)</source>
        <translation>Tailles (haut, bas, chaussures)</translation>
    </message>
    <message>
        <source>e.g. classic, navy and beige</source>
        <translation>ex. : classique, bleu marine et beige</translation>
    </message>
    <message>
        <source>Style</source>
        <translation>Style</translation>
    </message>
    <message>
        <source>Separated by commas</source>
        <translation>Séparées par des virgules</translation>
    </message>
    <message>
        <source>Brands</source>
        <translation>Marques</translation>
    </message>
    <message>
        <source>Day/month, year optional: 14/05/1990</source>
        <translation>Jour/mois, année facultative : 14/05/1990</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>Anniversaire</translation>
    </message>
    <message>
        <source>Agrees to be contacted by</source>
        <translation>Accepte d’être contacté par</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>Enregistrer (Ctrl+S)</translation>
    </message>
    <message>
        <source>This customer is not on this terminal any more.</source>
        <translation>Ce client n’est plus sur ce poste.</translation>
    </message>
    <message>
        <source>The hub refused changes to this customer:</source>
        <translation>Le hub a refusé des modifications de ce client :</translation>
    </message>
    <message>
        <source>Not a valid phone number: %1</source>
        <translation>Numéro de téléphone non valide : %1</translation>
    </message>
    <message>
        <source>This does not look like an email address: %1</source>
        <translation>Ceci ne ressemble pas à une adresse e-mail : %1</translation>
    </message>
    <message>
        <source>Not a date: write day/month, e.g. 14/05.</source>
        <translation>Date non valide : écrivez jour/mois, par ex. 14/05.</translation>
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
        <source>Consent</source>
        <translation>Consentement</translation>
    </message>
    <message>
        <source>Did the customer agree to be contacted by %1?</source>
        <translation>Le client a-t-il accepté d’être contacté par %1 ?</translation>
    </message>
</context>
<context>
    <name>ProfileView</name>
    <message>
        <source>Search for a customer by name, phone, email or loyalty card.</source>
        <translation>Recherchez un client par nom, téléphone, e-mail ou carte de fidélité.</translation>
    </message>
    <message>
        <source>Edit profile (Ctrl+E)</source>
        <translation>Modifier la fiche (Ctrl+E)</translation>
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
        <source>The hub refused a change: %1</source>
        <translation>Le hub a refusé une modification : %1</translation>
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
