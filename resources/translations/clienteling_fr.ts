<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en">
<context>
    <name>AppointmentDialog</name>
    <message>
        <source>Move the appointment</source>
        <translation>Déplacer le rendez-vous</translation>
    </message>
    <message>
        <source>Book an appointment</source>
        <translation>Prendre rendez-vous</translation>
    </message>
    <message>
        <source>Customer: %1</source>
        <translation>Client : %1</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>With associate</source>
        <translation>Avec le conseiller</translation>
    </message>
    <message>
        <source>Optional, e.g. fitting, laptop demo</source>
        <translation>Facultatif, p. ex. essayage, démo d&apos;ordinateur</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Facultatif</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>&amp;Time</source>
        <translation>&amp;Heure</translation>
    </message>
    <message>
        <source>D&amp;uration</source>
        <translation>D&amp;urée</translation>
    </message>
    <message>
        <source>&amp;With</source>
        <translation>&amp;Avec</translation>
    </message>
    <message>
        <source>&amp;Purpose</source>
        <translation>&amp;Objet</translation>
    </message>
    <message>
        <source>N&amp;ote</source>
        <translation>&amp;Note</translation>
    </message>
    <message>
        <source>Times are in the store&apos;s time zone (%1).</source>
        <translation>Les heures sont celles du fuseau horaire du magasin (%1).</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Move (Ctrl+Enter)</source>
        <translation>Déplacer (Ctrl+Entrée)</translation>
    </message>
    <message>
        <source>Book (Ctrl+Enter)</source>
        <translation>Réserver (Ctrl+Entrée)</translation>
    </message>
</context>
<context>
    <name>Appointments</name>
    <message>
        <source>&amp;Not relevant any more</source>
        <translation>&amp;Plus d&apos;actualité</translation>
    </message>
    <message>
        <source>Customer &amp;unreachable</source>
        <translation>Client &amp;injoignable</translation>
    </message>
    <message>
        <source>Customer &amp;asked not to be contacted</source>
        <translation>Le client a &amp;demandé à ne pas être contacté</translation>
    </message>
    <message>
        <source>&amp;Other (say why)</source>
        <translation>&amp;Autre (préciser)</translation>
    </message>
    <message>
        <source>Not booked: %1 already has an appointment at that time. Choose another time or another associate.</source>
        <translation>Non réservé : %1 a déjà un rendez-vous à cette heure-là. Choisissez une autre heure ou un autre conseiller.</translation>
    </message>
    <message>
        <source>Not booked: %1</source>
        <translation>Non réservé : %1</translation>
    </message>
    <message>
        <source>Change refused: %1 already has an appointment at that time; the appointment stays as it was.</source>
        <translation>Modification refusée : %1 a déjà un rendez-vous à cette heure ; le rendez-vous reste tel quel.</translation>
    </message>
    <message>
        <source>Change refused: %1; the appointment stays as it was.</source>
        <translation>Modification refusée : %1 ; le rendez-vous reste tel quel.</translation>
    </message>
    <message>
        <source>%1 already has an appointment (%2). Choose another time or another associate.</source>
        <translation>%1 a déjà un rendez-vous (%2). Choisissez une autre heure ou un autre conseiller.</translation>
    </message>
    <message>
        <source>%1 with %2</source>
        <translation>%1 avec %2</translation>
    </message>
    <message>
        <source>With %1</source>
        <translation>Avec %1</translation>
    </message>
    <message>
        <source>(waiting to sync)</source>
        <translation>(en attente de synchronisation)</translation>
    </message>
    <message>
        <source>Appointment cancelled (with %1)</source>
        <translation>Rendez-vous annulé (avec %1)</translation>
    </message>
    <message>
        <source>Appointment with %1, until %2</source>
        <translation>Rendez-vous avec %1, jusqu&apos;à %2</translation>
    </message>
    <message>
        <source>Appointments: %1</source>
        <translation>Rendez-vous : %1</translation>
    </message>
</context>
<context>
    <name>CacheCheck</name>
    <message>
        <source>The data file on this terminal is damaged. Clienteling closes now and writes nothing more to it, so that support can recover the changes not yet sent. Contact support before starting Clienteling again.</source>
        <translation>Le fichier de données de ce terminal est endommagé. Clienteling se ferme maintenant et n’y écrit plus rien, afin que le support puisse récupérer les modifications pas encore envoyées. Contactez le support avant de redémarrer Clienteling.</translation>
    </message>
    <message>
        <source>Checking the data file…</source>
        <translation>Vérification du fichier de données…</translation>
    </message>
    <message>
        <source>Damaged data file</source>
        <translation>Fichier de données endommagé</translation>
    </message>
</context>
<context>
    <name>CodePage</name>
    <message>
        <source>Enroll this terminal</source>
        <translation>Enregistrer ce poste</translation>
    </message>
    <message>
        <source>Type the one-time enrollment code your administrator made for this store (on the hub: clienteling hub enroll-code).</source>
        <translation>Saisissez le code d’enregistrement à usage unique que votre administrateur a créé pour ce magasin (sur le hub : clienteling hub enroll-code).</translation>
    </message>
    <message>
        <source>&amp;Enroll</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Enrollment &amp;code</source>
        <translation>&amp;Code d’enregistrement</translation>
    </message>
    <message>
        <source>Enrollment code</source>
        <translation>Code d’enregistrement</translation>
    </message>
    <message>
        <source>Enter the enrollment code.</source>
        <translation>Saisissez le code d’enregistrement.</translation>
    </message>
    <message>
        <source>Enrolling…</source>
        <translation>Enregistrement…</translation>
    </message>
</context>
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
    <name>CrashDialog</name>
    <message>
        <source>Clienteling: unexpected problem</source>
        <translation>Clienteling : problème inattendu</translation>
    </message>
    <message>
        <source>Clienteling hit an unexpected problem. Your drafts and unsent changes are saved. Restart the app; if it happens again, send the diagnostics to support.</source>
        <translation>Clienteling a rencontré un problème inattendu. Vos brouillons et vos modifications non envoyées sont enregistrés. Redémarrez l’application ; si le problème se reproduit, envoyez les diagnostics au support.</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>Copy diagnostics</source>
        <translation>Copier les diagnostics</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>Redémarrer</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
</context>
<context>
    <name>CustomerExport</name>
    <message>
        <source>Export customer data</source>
        <translation>Exporter les données du client</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>Fichiers JSON (*.json)</translation>
    </message>
    <message>
        <source>Customer data exported to %1</source>
        <translation>Données du client exportées dans %1</translation>
    </message>
</context>
<context>
    <name>CustomerTasks</name>
    <message>
        <source>✓ %1 (waiting to sync)</source>
        <translation>✓ %1 (en attente de synchronisation)</translation>
    </message>
    <message>
        <source>%1 (overdue)</source>
        <translation>%1 (en retard)</translation>
    </message>
    <message>
        <source>Tasks: %1</source>
        <translation>Tâches : %1</translation>
    </message>
</context>
<context>
    <name>DashboardExport</name>
    <message>
        <source>Figure</source>
        <translation>Indicateur</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>Comparaison</translation>
    </message>
    <message>
        <source>Store dashboard</source>
        <translation>Tableau de bord du magasin</translation>
    </message>
    <message>
        <source>Export the tables to a folder</source>
        <translation>Exporter les tableaux dans un dossier</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>Exporter en CSV</translation>
    </message>
    <message>
        <source>%1 files saved in %2.</source>
        <translation>%1 fichiers enregistrés dans %2.</translation>
    </message>
    <message>
        <source>Save the dashboard as PDF</source>
        <translation>Enregistrer le tableau de bord en PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documents PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>The file could not be saved. Choose another folder, or check that the disk is not full.</source>
        <translation>Le fichier n’a pas pu être enregistré. Choisissez un autre dossier ou vérifiez que le disque n’est pas plein.</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <source>Store dashboard</source>
        <translation>Tableau de bord du magasin</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Magasin</translation>
    </message>
    <message>
        <source>&amp;Store</source>
        <translation>&amp;Magasin</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Ce mois-ci</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>30 derniers jours</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>90 derniers jours</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>12 derniers mois</translation>
    </message>
    <message>
        <source>Custom dates</source>
        <translation>Dates personnalisées</translation>
    </message>
    <message>
        <source>&amp;Period</source>
        <translation>&amp;Période</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Au</translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation>Actualiser (F5)</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>Exporter en PDF…</translation>
    </message>
    <message>
        <source>In-store revenue</source>
        <translation>Chiffre d’affaires en magasin</translation>
    </message>
    <message>
        <source>In-store purchases</source>
        <translation>Achats en magasin</translation>
    </message>
    <message>
        <source>Online revenue of our customers</source>
        <translation>Chiffre d’affaires en ligne de nos clients</translation>
    </message>
    <message>
        <source>Online revenue credited to the store</source>
        <translation>Chiffre d’affaires en ligne attribué au magasin</translation>
    </message>
    <message>
        <source>New customers</source>
        <translation>Nouveaux clients</translation>
    </message>
    <message>
        <source>From visit to online order</source>
        <translation>De la visite à la commande en ligne</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Étape</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Taux</translation>
    </message>
    <message>
        <source>Previous period</source>
        <translation>Période précédente</translation>
    </message>
    <message>
        <source>Why visitors left without buying</source>
        <translation>Pourquoi les visiteurs sont partis sans acheter</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Raison</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>Visites</translation>
    </message>
    <message>
        <source>Customers by lifecycle stage</source>
        <translation>Clients par étape du cycle de vie</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Étape</translation>
    </message>
    <message>
        <source>Change of stage</source>
        <translation>Changement d’étape</translation>
    </message>
    <message>
        <source>Dismissed</source>
        <translation>Écartées</translation>
    </message>
    <message>
        <source>Whole store</source>
        <translation>Tout le magasin</translation>
    </message>
    <message>
        <source>Not done yet, nobody assigned</source>
        <translation>Pas encore faites, sans responsable</translation>
    </message>
    <message>
        <source>%1 offers issued, %2 redeemed (%3 in store, %4 online).</source>
        <translation>%1 offres émises, %2 utilisées (%3 en magasin, %4 en ligne).</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Clients</translation>
    </message>
    <message>
        <source>Omnichannel value</source>
        <translation>Valeur omnicanale</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Indicateur</translation>
    </message>
    <message>
        <source>Omnichannel</source>
        <translation>Omnicanal</translation>
    </message>
    <message>
        <source>Single channel</source>
        <translation>Canal unique</translation>
    </message>
    <message>
        <source>Studies</source>
        <translation>Études</translation>
    </message>
    <message>
        <source>Feedback by touchpoint</source>
        <translation>Avis par point de contact</translation>
    </message>
    <message>
        <source>Touchpoint</source>
        <translation>Point de contact</translation>
    </message>
    <message>
        <source>%1 (%2 answers)</source>
        <translation>%1 (%2 réponses)</translation>
    </message>
    <message>
        <source>Latest comments</source>
        <translation>Derniers commentaires</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Follow-ups by template and channel</source>
        <translation>Relances par modèle et canal</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Envoyées</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Ouvertes</translation>
    </message>
    <message>
        <source>Clicked</source>
        <translation>Cliquées</translation>
    </message>
    <message>
        <source>Ordered</source>
        <translation>Commandées</translation>
    </message>
    <message>
        <source>In-store sales per associate</source>
        <translation>Ventes en magasin par conseiller</translation>
    </message>
    <message>
        <source>Associate</source>
        <translation>Conseiller</translation>
    </message>
    <message>
        <source>Purchases</source>
        <translation>Achats</translation>
    </message>
    <message>
        <source>%1 surveys answered (%2 of the visits and follow-ups of the period).</source>
        <translation>%1 questionnaires remplis (%2 des visites et relances de la période).</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>Chiffre d’affaires</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Part</translation>
    </message>
    <message>
        <source>Buyers</source>
        <translation>Acheteurs</translation>
    </message>
    <message>
        <source>Non-buyers</source>
        <translation>Non-acheteurs</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <source>Tasks per associate</source>
        <translation>Tâches par conseiller</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Tâches</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Faites</translation>
    </message>
    <message>
        <source>Done rate</source>
        <translation>Taux de réalisation</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>Dans les délais</translation>
    </message>
    <message>
        <source>Offers</source>
        <translation>Offres</translation>
    </message>
    <message>
        <source>Offer</source>
        <translation>Offre</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Émises</translation>
    </message>
    <message>
        <source>Redeemed</source>
        <translation>Utilisées</translation>
    </message>
    <message>
        <source>Enter or a double-click on a row of the funnel, reasons, stages or associates lists the customers behind it.</source>
        <translation>Entrée ou un double-clic sur une ligne de l’entonnoir, des raisons, des étapes ou des conseillers liste les clients qui se trouvent derrière.</translation>
    </message>
    <message>
        <source>Loading the figures…</source>
        <translation>Chargement des chiffres…</translation>
    </message>
    <message>
        <source>Offline: these are the figures kept from %1.</source>
        <translation>Hors ligne : voici les chiffres conservés du %1.</translation>
    </message>
    <message>
        <source>As of %1</source>
        <translation>Chiffres au %1</translation>
    </message>
    <message>
        <source>%1 · %2 to %3</source>
        <translation>%1 · du %2 au %3</translation>
    </message>
    <message>
        <source>This period</source>
        <translation>Cette période</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Joined</source>
        <translation>Nouveau venu</translation>
    </message>
    <message>
        <source>Not enough purchases yet to compare omnichannel customers.</source>
        <translation>Pas encore assez d’achats pour comparer les clients omnicanaux.</translation>
    </message>
    <message>
        <source>Here, customers who buy in store and online are worth %1 more than single-channel customers (studies: about %2).</source>
        <translation>Ici, les clients qui achètent en magasin et en ligne valent %1 de plus que les clients d’un seul canal (études : environ %2).</translation>
    </message>
    <message>
        <source>Average customer value</source>
        <translation>Valeur moyenne par client</translation>
    </message>
    <message>
        <source>+%1</source>
        <translation>+%1</translation>
    </message>
    <message>
        <source>Retention within 12 months</source>
        <translation>Fidélisation sous 12 mois</translation>
    </message>
    <message>
        <source>Purchases per customer per year</source>
        <translation>Achats par client et par an</translation>
    </message>
    <message>
        <source>Retention, %</source>
        <translation>Fidélisation, %</translation>
    </message>
    <message>
        <source>Not credited to an associate</source>
        <translation>Non attribué à un conseiller</translation>
    </message>
</context>
<context>
    <name>DiagnosticsDialog</name>
    <message>
        <source>Diagnostics for support</source>
        <translation>Diagnostics pour le support</translation>
    </message>
    <message>
        <source>Collecting the diagnostics…</source>
        <translation>Collecte des diagnostics…</translation>
    </message>
    <message>
        <source>Copy again</source>
        <translation>Copier à nouveau</translation>
    </message>
    <message>
        <source>Save as file…</source>
        <translation>Enregistrer dans un fichier…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>The diagnostics are on the clipboard: paste them into your message to support. They hold no passwords and no customer data.</source>
        <translation>Les diagnostics sont dans le presse-papiers : collez-les dans votre message au support. Ils ne contiennent ni mot de passe ni donnée client.</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>Enregistré dans %1.</translation>
    </message>
    <message>
        <source>Save the diagnostics</source>
        <translation>Enregistrer les diagnostics</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>Fichiers texte (*.txt)</translation>
    </message>
    <message>
        <source>The file could not be saved. Choose another folder.</source>
        <translation>Le fichier n’a pas pu être enregistré. Choisissez un autre dossier.</translation>
    </message>
</context>
<context>
    <name>DismissDialog</name>
    <message>
        <source>Dismiss the task</source>
        <translation>Écarter la tâche</translation>
    </message>
    <message>
        <source>Why is this task dismissed? %1</source>
        <translation>Pourquoi écarter cette tâche ? %1</translation>
    </message>
    <message>
        <source>Why (needed when the reason is Other)</source>
        <translation>Pourquoi (obligatoire si le motif est Autre)</translation>
    </message>
    <message>
        <source>Why the task is dismissed</source>
        <translation>Pourquoi la tâche est écartée</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Écarter</translation>
    </message>
    <message>
        <source>Say in a few words why the task is dismissed.</source>
        <translation>Dites en quelques mots pourquoi la tâche est écartée.</translation>
    </message>
</context>
<context>
    <name>DrillDownDialog</name>
    <message>
        <source>Loading the list…</source>
        <translation>Chargement de la liste…</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Associate</source>
        <translation>Conseiller</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Enter or double-click opens the customer&apos;s profile.</source>
        <translation>Entrée ou un double-clic ouvre la fiche du client.</translation>
    </message>
    <message>
        <source>The list could not be loaded: %1</source>
        <translation>La liste n’a pas pu être chargée : %1</translation>
    </message>
    <message>
        <source>Anonymous visitor</source>
        <translation>Visiteur anonyme</translation>
    </message>
    <message>
        <source>Nothing to list for this period.</source>
        <translation>Rien à lister pour cette période.</translation>
    </message>
    <message>
        <source>The newest %1 of %2.</source>
        <translation>Les %1 plus récents sur %2.</translation>
    </message>
    <message>
        <source>%1 in all.</source>
        <translation>%1 au total.</translation>
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
        <source>The data file on this terminal is still being checked, which takes a few seconds after start. Nothing was saved yet and nothing is lost: try again in a moment.</source>
        <translation>Le fichier de données de ce terminal est encore en cours de vérification, ce qui prend quelques secondes après le démarrage. Rien n&apos;a encore été enregistré et rien n&apos;est perdu : réessayez dans un instant.</translation>
    </message>
    <message>
        <source>The data on this terminal is encrypted, and this computer&apos;s keyring does not hold its key. The data was left untouched; ask your IT support to restore the keyring or to reset this terminal.</source>
        <translation>Les données de ce terminal sont chiffrées et le trousseau de cet ordinateur ne contient pas leur clé. Les données n&apos;ont pas été modifiées ; demandez à votre support informatique de restaurer le trousseau ou de réinitialiser ce terminal.</translation>
    </message>
    <message>
        <source>Clienteling is already using the data on this terminal in another window or task. Close it, then start Clienteling again.</source>
        <translation>Clienteling utilise déjà les données de ce terminal dans une autre fenêtre ou tâche. Fermez-la, puis relancez Clienteling.</translation>
    </message>
    <message>
        <source>This computer has no usable password store (keyring), so Clienteling cannot keep its sign-in safe; it never saves it in a plain file instead.</source>
        <translation>Cet ordinateur n’a pas de trousseau de mots de passe (keyring) utilisable : Clienteling ne peut donc pas garder la connexion en sécurité, et ne l’enregistre jamais dans un simple fichier à la place.</translation>
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
        <source>This terminal is enrolled for another store. Sign in at a terminal of your store.</source>
        <translation>Ce poste est enregistré pour un autre magasin. Connectez-vous sur un poste de votre magasin.</translation>
    </message>
    <message>
        <source>This terminal is not enrolled. Restart Clienteling and enter the enrollment code from your administrator.</source>
        <translation>Ce poste n’est pas enregistré. Redémarrez Clienteling et saisissez le code d’enregistrement fourni par votre administrateur.</translation>
    </message>
    <message>
        <source>This terminal&apos;s enrollment is no longer valid. Ask your administrator for a new enrollment code.</source>
        <translation>L’enregistrement de ce poste n’est plus valide. Demandez un nouveau code d’enregistrement à votre administrateur.</translation>
    </message>
    <message>
        <source>Open Keychain Access and unlock the login keychain, then start Clienteling again.</source>
        <translation>Ouvrez Trousseaux d’accès et déverrouillez le trousseau « session », puis relancez Clienteling.</translation>
    </message>
    <message>
        <source>Make sure the Windows Credential Manager service is running, then start Clienteling again.</source>
        <translation>Vérifiez que le service Gestionnaire d’identification de Windows est démarré, puis relancez Clienteling.</translation>
    </message>
    <message>
        <source>Install and unlock a Secret Service keyring (GNOME Keyring, package gnome-keyring, or KWallet), then start Clienteling again.</source>
        <translation>Installez et déverrouillez un trousseau Secret Service (GNOME Keyring, paquet gnome-keyring, ou KWallet), puis relancez Clienteling.</translation>
    </message>
    <message>
        <source>Clienteling</source>
        <translation>Clienteling</translation>
    </message>
</context>
<context>
    <name>FirstRun</name>
    <message>
        <source>The hub&apos;s security certificate has expired.</source>
        <translation>Le certificat de sécurité du hub a expiré.</translation>
    </message>
    <message>
        <source>The hub&apos;s security certificate is not valid yet (check this computer&apos;s date).</source>
        <translation>Le certificat de sécurité du hub n’est pas encore valide (vérifiez la date de cet ordinateur).</translation>
    </message>
    <message>
        <source>The hub&apos;s security certificate is self-signed, so this computer cannot trust it.</source>
        <translation>Le certificat de sécurité du hub est auto-signé : cet ordinateur ne peut pas s’y fier.</translation>
    </message>
    <message>
        <source>The hub&apos;s security certificate was issued by an authority this computer does not trust.</source>
        <translation>Le certificat de sécurité du hub a été émis par une autorité que cet ordinateur ne reconnaît pas.</translation>
    </message>
    <message>
        <source>The hub&apos;s security certificate is for another address.</source>
        <translation>Le certificat de sécurité du hub correspond à une autre adresse.</translation>
    </message>
    <message>
        <source>A secure (https) connection to the hub could not be set up.</source>
        <translation>Impossible d’établir une connexion sécurisée (https) avec le hub.</translation>
    </message>
    <message>
        <source>Check the address with your IT support; do not continue on a connection that cannot be trusted.</source>
        <translation>Vérifiez l’adresse avec votre support informatique ; ne continuez pas sur une connexion qui n’est pas digne de confiance.</translation>
    </message>
    <message>
        <source>This enrollment code is not valid. Check it (letters and digits, e.g. K7PQ-3MZX-W9RT) or ask your administrator for a new one.</source>
        <translation>Ce code d’enregistrement n’est pas valide. Vérifiez-le (lettres et chiffres, par ex. K7PQ-3MZX-W9RT) ou demandez-en un nouveau à votre administrateur.</translation>
    </message>
    <message>
        <source>This enrollment code was already used: each code enrolls one terminal. Ask your administrator for a new one.</source>
        <translation>Ce code d’enregistrement a déjà servi : chaque code n’enregistre qu’un poste. Demandez-en un nouveau à votre administrateur.</translation>
    </message>
    <message>
        <source>This enrollment code has expired. Ask your administrator for a new one.</source>
        <translation>Ce code d’enregistrement a expiré. Demandez-en un nouveau à votre administrateur.</translation>
    </message>
    <message>
        <source>This enrollment code was withdrawn. Ask your administrator for a new one.</source>
        <translation>Ce code d’enregistrement a été retiré. Demandez-en un nouveau à votre administrateur.</translation>
    </message>
    <message>
        <source>This enrollment code is for another store.</source>
        <translation>Ce code d’enregistrement est destiné à un autre magasin.</translation>
    </message>
    <message>
        <source>This store is not known to the hub any more.</source>
        <translation>Ce magasin n’est plus connu du hub.</translation>
    </message>
    <message>
        <source>An administrator revoked this terminal. Ask them to reset and enroll it again.</source>
        <translation>Un administrateur a révoqué ce poste. Demandez-lui de le réinitialiser et de l’enregistrer à nouveau.</translation>
    </message>
    <message>
        <source>Too many wrong codes were tried from this terminal. Wait a few minutes, then try again.</source>
        <translation>Trop de codes erronés ont été essayés depuis ce poste. Patientez quelques minutes, puis réessayez.</translation>
    </message>
    <message>
        <source>Something answers at this address, but it is not a Clienteling hub. Check the address.</source>
        <translation>Quelque chose répond à cette adresse, mais ce n’est pas un hub Clienteling. Vérifiez l’adresse.</translation>
    </message>
    <message>
        <source>This is not a hub address. It looks like https://hub.example.com</source>
        <translation>Ce n’est pas une adresse de hub. Elle ressemble à https://hub.example.com</translation>
    </message>
    <message>
        <source>Nothing answers at this address. Check it and the network connection, then try again.</source>
        <translation>Rien ne répond à cette adresse. Vérifiez-la ainsi que la connexion réseau, puis réessayez.</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Set up Clienteling</source>
        <translation>Configurer Clienteling</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>Se &amp;connecter</translation>
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
    <name>FollowupCheckDialog</name>
    <message>
        <source>Follow-ups to check</source>
        <translation>Relances à vérifier</translation>
    </message>
    <message>
        <source>Sending these follow-ups stopped halfway, so nobody knows whether the customer got them. They are never sent again by themselves. Ask the provider (or the customer), then say what happened.</source>
        <translation>L’envoi de ces relances s’est arrêté en cours de route : personne ne sait si le client les a reçues. Elles ne sont jamais renvoyées d’elles-mêmes. Demandez au prestataire (ou au client), puis indiquez ce qui s’est passé.</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Prepared</source>
        <translation>Préparée</translation>
    </message>
    <message>
        <source>Associate</source>
        <translation>Conseiller</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Ce qui s’est passé</translation>
    </message>
    <message>
        <source>It &amp;went out</source>
        <translation>Elle est &amp;bien partie</translation>
    </message>
    <message>
        <source>It went out: mark the follow-up as sent</source>
        <translation>Elle est partie : marquer la relance comme envoyée</translation>
    </message>
    <message>
        <source>It did &amp;not go out</source>
        <translation>Elle n’est &amp;pas partie</translation>
    </message>
    <message>
        <source>It did not go out: mark the follow-up as failed</source>
        <translation>Elle n’est pas partie : marquer la relance comme échouée</translation>
    </message>
    <message>
        <source>&amp;Refresh (F5)</source>
        <translation>&amp;Actualiser (F5)</translation>
    </message>
    <message>
        <source>Asking the hub…</source>
        <translation>Interrogation du hub…</translation>
    </message>
    <message>
        <source>This customer is not on this terminal: their id</source>
        <translation>Ce client n’est pas sur ce poste : son identifiant</translation>
    </message>
    <message>
        <source>%1 follow-up(s) to check, oldest first.</source>
        <translation>Relances à vérifier : %1, les plus anciennes d’abord.</translation>
    </message>
    <message>
        <source>Nothing to check: the outcome of every follow-up is known.</source>
        <translation>Rien à vérifier : l’issue de chaque relance est connue.</translation>
    </message>
    <message>
        <source>Did the follow-up to %1 go out?</source>
        <translation>La relance à %1 est-elle partie ?</translation>
    </message>
    <message>
        <source>It will count as sent, as if the sending had finished. Nothing is sent again.</source>
        <translation>Elle comptera comme envoyée, comme si l’envoi s’était terminé. Rien n’est renvoyé.</translation>
    </message>
    <message>
        <source>Mark as sent</source>
        <translation>Marquer comme envoyée</translation>
    </message>
    <message>
        <source>The follow-up to %1 did not go out?</source>
        <translation>La relance à %1 n’est pas partie ?</translation>
    </message>
    <message>
        <source>It will end as failed and is never sent again from here. If the customer should still hear from the store, the associate can queue a new follow-up.</source>
        <translation>Elle se terminera en échec et ne sera jamais renvoyée d’ici. Si le client doit tout de même avoir des nouvelles du magasin, le conseiller peut programmer une nouvelle relance.</translation>
    </message>
    <message>
        <source>Mark as not sent</source>
        <translation>Marquer comme non envoyée</translation>
    </message>
    <message>
        <source>Telling the hub…</source>
        <translation>Envoi de la réponse au hub…</translation>
    </message>
    <message>
        <source>Marked as sent.</source>
        <translation>Marquée comme envoyée.</translation>
    </message>
    <message>
        <source>Marked as not sent: it ended as failed.</source>
        <translation>Marquée comme non envoyée : elle s’est terminée en échec.</translation>
    </message>
    <message>
        <source>Someone else already settled this follow-up, or it is gone.</source>
        <translation>Quelqu’un d’autre a déjà tranché pour cette relance, ou elle n’existe plus.</translation>
    </message>
    <message>
        <source>The hub cannot be reached: follow-ups can only be checked online. Try again when the connection is back.</source>
        <translation>Le hub est injoignable : les relances ne peuvent être vérifiées qu’en ligne. Réessayez au retour de la connexion.</translation>
    </message>
    <message>
        <source>Only a store manager can check follow-ups.</source>
        <translation>Seul un responsable de magasin peut vérifier les relances.</translation>
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
        <source>Offer</source>
        <translation>Avantage</translation>
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
    <message>
        <source>a product no longer sold</source>
        <translation>un produit qui n’est plus en vente</translation>
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
        <source>Welcome</source>
        <translation>Bienvenue</translation>
    </message>
    <message>
        <source>Ideas to go with the first purchase</source>
        <translation>Idées pour accompagner le premier achat</translation>
    </message>
    <message>
        <source>Thank you for your loyalty</source>
        <translation>Merci pour votre fidélité</translation>
    </message>
    <message>
        <source>How was your visit?</source>
        <translation>Comment s’est passée votre visite ?</translation>
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
    <name>HelpMenu</name>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>Keyboard shortcuts (F1)</source>
        <translation>Raccourcis clavier (F1)</translation>
    </message>
    <message>
        <source>Copy diagnostics…</source>
        <translation>Copier les diagnostics…</translation>
    </message>
    <message>
        <source>Versions, settings without passwords, sync state and recent log lines</source>
        <translation>Versions, réglages sans mots de passe, état de la synchronisation et dernières lignes du journal</translation>
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
    <name>HoldLabels</name>
    <message>
        <source>Cashback in store</source>
        <translation>Remboursement en boutique</translation>
    </message>
    <message>
        <source>Gift in store</source>
        <translation>Cadeau en boutique</translation>
    </message>
    <message>
        <source>Free delivery online</source>
        <translation>Livraison offerte en ligne</translation>
    </message>
    <message>
        <source>Free pickup of an online order</source>
        <translation>Retrait offert d’une commande en ligne</translation>
    </message>
    <message>
        <source>This code does not exist. Check how it was typed.</source>
        <translation>Ce code n’existe pas. Vérifiez la saisie.</translation>
    </message>
    <message>
        <source>This code was already used: it is valid only once.</source>
        <translation>Ce code a déjà été utilisé : il n’est valable qu’une fois.</translation>
    </message>
    <message>
        <source>This code has expired.</source>
        <translation>Ce code a expiré.</translation>
    </message>
    <message>
        <source>This code is valid online only: it cannot be used here.</source>
        <translation>Ce code n’est valable qu’en ligne : il ne peut pas être utilisé ici.</translation>
    </message>
    <message>
        <source>Hold refused: %1</source>
        <translation>Mise de côté refusée : %1</translation>
    </message>
    <message>
        <source>Hold requested (pending)</source>
        <translation>Mise de côté demandée (en attente)</translation>
    </message>
    <message>
        <source>Held until %1</source>
        <translation>Mis de côté jusqu’au %1</translation>
    </message>
    <message>
        <source>Hold collected</source>
        <translation>Article mis de côté retiré</translation>
    </message>
    <message>
        <source>Hold released</source>
        <translation>Mise de côté annulée</translation>
    </message>
    <message>
        <source>Hold expired</source>
        <translation>Mise de côté expirée</translation>
    </message>
    <message>
        <source>reserved online by the customer</source>
        <translation>réservé en ligne par le client</translation>
    </message>
    <message>
        <source>in store</source>
        <translation>en boutique</translation>
    </message>
    <message>
        <source>online</source>
        <translation>en ligne</translation>
    </message>
    <message>
        <source>Offer redeemed %1: %2</source>
        <translation>Avantage utilisé %1 : %2</translation>
    </message>
    <message>
        <source>Offer sent: %1</source>
        <translation>Avantage envoyé : %1</translation>
    </message>
    <message>
        <source>code %1</source>
        <translation>code %1</translation>
    </message>
</context>
<context>
    <name>HoldPanel</name>
    <message>
        <source>Hold for customer (Ctrl+H)</source>
        <translation>Mettre de côté pour le client (Ctrl+H)</translation>
    </message>
    <message>
        <source>Hold the selected item in this store</source>
        <translation>Mettre de côté dans cette boutique l’article choisi</translation>
    </message>
    <message>
        <source>Sets the item aside here for the customer; the hub confirms the hold.</source>
        <translation>Met l’article de côté ici pour le client ; le hub confirme la mise de côté.</translation>
    </message>
    <message>
        <source>Release hold</source>
        <translation>Annuler la mise de côté</translation>
    </message>
    <message>
        <source>Holds for this customer</source>
        <translation>Articles mis de côté pour ce client</translation>
    </message>
    <message>
        <source>product %1 (no longer sold)</source>
        <translation>produit %1 (plus en vente)</translation>
    </message>
    <message>
        <source>a product no longer sold</source>
        <translation>un produit qui n’est plus en vente</translation>
    </message>
    <message>
        <source>refused: %1</source>
        <translation>refusé : %1</translation>
    </message>
    <message>
        <source>pending: waiting for the hub</source>
        <translation>en attente de la confirmation du hub</translation>
    </message>
    <message>
        <source>held until %1</source>
        <translation>mis de côté jusqu’au %1</translation>
    </message>
    <message>
        <source>collected</source>
        <translation>retiré</translation>
    </message>
    <message>
        <source>released</source>
        <translation>annulé</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>expiré</translation>
    </message>
    <message>
        <source>reserved by the customer online</source>
        <translation>réservé en ligne par le client</translation>
    </message>
</context>
<context>
    <name>HubHitsModel</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Home store</source>
        <translation>Magasin habituel</translation>
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
        <source>This store</source>
        <translation>Ce magasin</translation>
    </message>
</context>
<context>
    <name>HubPage</name>
    <message>
        <source>Connect to the hub</source>
        <translation>Se connecter au hub</translation>
    </message>
    <message>
        <source>Enter the hub address your administrator gave you, e.g. https://hub.example.com</source>
        <translation>Saisissez l’adresse du hub que votre administrateur vous a donnée, par ex. https://hub.example.com</translation>
    </message>
    <message>
        <source>&amp;Hub address</source>
        <translation>Adresse du &amp;hub</translation>
    </message>
    <message>
        <source>Hub address</source>
        <translation>Adresse du hub</translation>
    </message>
    <message>
        <source>Checking the hub…</source>
        <translation>Vérification du hub…</translation>
    </message>
    <message>
        <source>Warning: this address uses http:// to another computer, so passwords and customer data would cross the network unencrypted. Use an https:// address if you can; press Next again only if your IT support says this network is private.</source>
        <translation>Attention : cette adresse utilise http:// vers un autre ordinateur ; les mots de passe et les données clients traverseraient le réseau sans chiffrement. Utilisez une adresse https:// si possible ; n’appuyez à nouveau sur Suivant que si votre support informatique confirme que ce réseau est privé.</translation>
    </message>
    <message>
        <source>Connected: hub version %1.</source>
        <translation>Connecté : hub version %1.</translation>
    </message>
</context>
<context>
    <name>HubSearchPanel</name>
    <message>
        <source>Search all stores (Ctrl+Shift+F)</source>
        <translation>Chercher dans tous les magasins (Ctrl+Maj+F)</translation>
    </message>
    <message>
        <source>Search all stores on the hub</source>
        <translation>Chercher dans tous les magasins sur le hub</translation>
    </message>
    <message>
        <source>Customers found on the hub</source>
        <translation>Clients trouvés sur le hub</translation>
    </message>
    <message>
        <source>Not the customer you are looking for?</source>
        <translation>Ce n&apos;est pas le client que vous cherchez ?</translation>
    </message>
    <message>
        <source>Searching all stores…</source>
        <translation>Recherche dans tous les magasins…</translation>
    </message>
    <message>
        <source>Found on the hub (Enter opens the profile):</source>
        <translation>Trouvé sur le hub (Entrée ouvre la fiche) :</translation>
    </message>
    <message>
        <source>No customer of any store matches.</source>
        <translation>Aucun client d&apos;aucun magasin ne correspond.</translation>
    </message>
    <message>
        <source>Searching all stores needs the network. The customers kept on this terminal are still found as usual.</source>
        <translation>La recherche dans tous les magasins a besoin du réseau. Les clients gardés sur ce terminal sont toujours trouvés comme d&apos;habitude.</translation>
    </message>
    <message>
        <source>Fetching the profile from the hub…</source>
        <translation>Récupération de la fiche depuis le hub…</translation>
    </message>
    <message>
        <source>Other stores&apos; customers are found by their exact phone, email or loyalty card.</source>
        <translation>Les clients des autres magasins se trouvent par leur téléphone, e-mail ou carte de fidélité exacts.</translation>
    </message>
</context>
<context>
    <name>InventoryDialog</name>
    <message>
        <source>Products and stock</source>
        <translation>Produits et stock</translation>
    </message>
    <message>
        <source>Find a product</source>
        <translation>Chercher un produit</translation>
    </message>
    <message>
        <source>Product name, SKU or scan a barcode  (F3)</source>
        <translation>Nom du produit, référence ou code-barres scanné  (F3)</translation>
    </message>
    <message>
        <source>Matching products</source>
        <translation>Produits correspondants</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produit</translation>
    </message>
    <message>
        <source>Size / colour</source>
        <translation>Taille / couleur</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>Réf.</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Prix</translation>
    </message>
    <message>
        <source>Here</source>
        <translation>Ici</translation>
    </message>
    <message>
        <source>Scan a barcode, or type a few letters of the name or the SKU.</source>
        <translation>Scannez un code-barres, ou tapez quelques lettres du nom ou de la référence.</translation>
    </message>
    <message>
        <source>Size and colour</source>
        <translation>Taille et couleur</translation>
    </message>
    <message>
        <source>The same price in store and online</source>
        <translation>Le même prix en magasin et en ligne</translation>
    </message>
    <message>
        <source>Stock per location</source>
        <translation>Stock par site</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Site</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>Distance</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Disponible</translation>
    </message>
    <message>
        <source>On hand</source>
        <translation>En stock</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>Réservé</translation>
    </message>
    <message>
        <source>Incoming</source>
        <translation>En arrivage</translation>
    </message>
    <message>
        <source>From this store, as the crow flies</source>
        <translation>Depuis ce magasin, à vol d’oiseau</translation>
    </message>
    <message>
        <source>On its way, and the day it is expected</source>
        <translation>En route, et le jour prévu de l’arrivée</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>No product matches “%1”.</source>
        <translation>Aucun produit ne correspond à « %1 ».</translation>
    </message>
    <message>
        <source>%1 · %2 · SKU %3 · barcode %4</source>
        <translation>%1 · %2 · réf. %3 · code-barres %4</translation>
    </message>
    <message>
        <source>%1 here · %2 in other stores · %3 online</source>
        <translation>%1 ici · %2 dans les autres magasins · %3 en ligne</translation>
    </message>
    <message>
        <source>This store</source>
        <translation>Ce magasin</translation>
    </message>
    <message>
        <source>Web warehouse (%1)</source>
        <translation>Entrepôt web (%1)</translation>
    </message>
</context>
<context>
    <name>KpiCard</name>
    <message>
        <source>List…</source>
        <translation>Liste…</translation>
    </message>
    <message>
        <source>List what %1 counts</source>
        <translation>Lister ce que compte « %1 »</translation>
    </message>
    <message>
        <source>%1 on the previous period · chain average %2</source>
        <translation>%1 par rapport à la période précédente · moyenne de l’enseigne %2</translation>
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
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
</context>
<context>
    <name>Lock</name>
    <message>
        <source>Wrong PIN. Attempts left before the PIN is blocked: %1.</source>
        <translation>Code PIN incorrect. Essais restants avant le blocage du code PIN : %1.</translation>
    </message>
    <message>
        <source>This PIN is blocked after too many wrong attempts. Sign in with your password; the PIN works again after that.</source>
        <translation>Ce code PIN est bloqué après trop d’essais incorrects. Connectez-vous avec votre mot de passe ; le code PIN fonctionnera de nouveau ensuite.</translation>
    </message>
    <message>
        <source>This terminal is enrolled for another store than yours, so your PIN does not open it. Sign in at a terminal of your store.</source>
        <translation>Ce terminal est enregistré pour un autre magasin que le vôtre : votre code PIN ne l&apos;ouvre pas. Connectez-vous sur un terminal de votre magasin.</translation>
    </message>
    <message>
        <source>A PIN has 4 to 8 digits, nothing else.</source>
        <translation>Un code PIN comporte de 4 à 8 chiffres, rien d’autre.</translation>
    </message>
    <message>
        <source>This PIN is too easy to guess (the same digit repeated, or digits in a row such as 1234). Choose another one.</source>
        <translation>Ce code PIN est trop facile à deviner (un même chiffre répété ou des chiffres qui se suivent, comme 1234). Choisissez-en un autre.</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>This terminal is locked</source>
        <translation>Ce terminal est verrouillé</translation>
    </message>
    <message>
        <source>Customer data is hidden. Choose your name and type your PIN to continue.</source>
        <translation>Les données clients sont masquées. Choisissez votre nom et saisissez votre code PIN pour continuer.</translation>
    </message>
    <message>
        <source>Nobody has a PIN on this terminal yet: sign in with your password.</source>
        <translation>Personne n’a encore de code PIN sur ce terminal : connectez-vous avec votre mot de passe.</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>Code PIN</translation>
    </message>
    <message>
        <source>Sign in with password</source>
        <translation>Se connecter avec le mot de passe</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Déverrouiller</translation>
    </message>
    <message>
        <source>%1 (PIN blocked: sign in with the password)</source>
        <translation>%1 (code PIN bloqué : connectez-vous avec le mot de passe)</translation>
    </message>
    <message>
        <source>Type your PIN.</source>
        <translation>Saisissez votre code PIN.</translation>
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
        <source>Dashboard (Ctrl+Shift+D)</source>
        <translation>Tableau de bord (Ctrl+Maj+D)</translation>
    </message>
    <message>
        <source>Visitor (Ctrl+Shift+L)</source>
        <translation>Visiteur (Ctrl+Maj+L)</translation>
    </message>
    <message>
        <source>Log the visit of someone without a profile</source>
        <translation>Enregistrer la visite d’une personne sans fiche client</translation>
    </message>
    <message>
        <source>Tasks (Ctrl+T)</source>
        <translation>Tâches (Ctrl+T)</translation>
    </message>
    <message>
        <source>Show these keyboard shortcuts</source>
        <translation>Afficher ces raccourcis clavier</translation>
    </message>
    <message>
        <source>Search customers</source>
        <translation>Rechercher un client</translation>
    </message>
    <message>
        <source>Search all stores on the hub</source>
        <translation>Chercher dans tous les magasins sur le hub</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Synchroniser maintenant</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>Nouveau client</translation>
    </message>
    <message>
        <source>Write a note on the profile</source>
        <translation>Écrire une note sur la fiche</translation>
    </message>
    <message>
        <source>Edit the profile and consent</source>
        <translation>Modifier la fiche et les consentements</translation>
    </message>
    <message>
        <source>Log the visit of this customer</source>
        <translation>Enregistrer la visite de ce client</translation>
    </message>
    <message>
        <source>Log a visitor without profile</source>
        <translation>Enregistrer un visiteur sans fiche</translation>
    </message>
    <message>
        <source>Send a follow-up</source>
        <translation>Envoyer une relance</translation>
    </message>
    <message>
        <source>Book an appointment for this customer</source>
        <translation>Prendre rendez-vous pour ce client</translation>
    </message>
    <message>
        <source>Products and stock</source>
        <translation>Produits et stock</translation>
    </message>
    <message>
        <source>Store dashboard (managers)</source>
        <translation>Tableau de bord du magasin (responsables)</translation>
    </message>
    <message>
        <source>Follow-ups to check after an interrupted sending (managers)</source>
        <translation>Relances à vérifier après un envoi interrompu (responsables)</translation>
    </message>
    <message>
        <source>Redeem an offer code at the till</source>
        <translation>Utiliser un code avantage en caisse</translation>
    </message>
    <message>
        <source>The store&apos;s tasks</source>
        <translation>Les tâches du magasin</translation>
    </message>
    <message>
        <source>In the search box: open the only match, or go to the results</source>
        <translation>Dans la recherche : ouvrir le seul résultat, ou aller aux résultats</translation>
    </message>
    <message>
        <source>Move between the search box and the results</source>
        <translation>Passer de la recherche aux résultats et inversement</translation>
    </message>
    <message>
        <source>Clear the search box; close a dialog</source>
        <translation>Vider la recherche ; fermer une fenêtre</translation>
    </message>
    <message>
        <source>Save the note, the visit or the follow-up being written</source>
        <translation>Enregistrer la note, la visite ou la relance en cours</translation>
    </message>
    <message>
        <source>On the online cart: hold the selected item for the customer</source>
        <translation>Dans le panier en ligne : mettre de côté l’article choisi pour le client</translation>
    </message>
    <message>
        <source>In the task list: mark the task done (with the outcome note)</source>
        <translation>Dans la liste des tâches : marquer la tâche comme faite (avec la note de résultat)</translation>
    </message>
    <message>
        <source>In the task list: snooze the task until tomorrow</source>
        <translation>Dans la liste des tâches : reporter la tâche à demain</translation>
    </message>
    <message>
        <source>On a reply in the timeline: show the follow-up it answers</source>
        <translation>Sur une réponse dans l&apos;historique : afficher la relance à laquelle elle répond</translation>
    </message>
    <message>
        <source>In the task list: dismiss the task with a reason</source>
        <translation>Dans la liste des tâches : écarter la tâche avec un motif</translation>
    </message>
    <message>
        <source>In the task list: move the selected appointment</source>
        <translation>Dans la liste des tâches : déplacer le rendez-vous sélectionné</translation>
    </message>
    <message>
        <source>In the task list: cancel the selected appointment</source>
        <translation>Dans la liste des tâches : annuler le rendez-vous sélectionné</translation>
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
    <message>
        <source>Follow-up sent</source>
        <translation>Relance envoyée</translation>
    </message>
</context>
<context>
    <name>ManagerMenu</name>
    <message>
        <source>&amp;Manager</source>
        <translation>&amp;Responsable</translation>
    </message>
    <message>
        <source>Follow-ups to check… (Ctrl+Shift+O)</source>
        <translation>Relances à vérifier… (Ctrl+Maj+O)</translation>
    </message>
    <message>
        <source>Follow-ups whose sending was interrupted: say whether they went out</source>
        <translation>Relances dont l’envoi a été interrompu : indiquez si elles sont parties</translation>
    </message>
    <message>
        <source>Open the follow-ups to check (Ctrl+Shift+O)</source>
        <translation>Ouvrir les relances à vérifier (Ctrl+Maj+O)</translation>
    </message>
    <message>
        <source>Follow-ups to check: %1</source>
        <translation>Relances à vérifier : %1</translation>
    </message>
</context>
<context>
    <name>MetricHelp</name>
    <message>
        <source>Sum of what customers kept from purchases at this store&apos;s counter in the period: returned items are taken off, fully returned purchases count zero. Compared with the period of the same length just before, and with the average of the chain&apos;s stores.</source>
        <translation>Somme de ce que les clients ont gardé de leurs achats au comptoir de ce magasin pendant la période : les articles retournés sont déduits, un achat entièrement retourné compte zéro. Comparé à la période de même durée juste avant et à la moyenne des magasins de l’enseigne.</translation>
    </message>
    <message>
        <source>Purchases at this store&apos;s counter in the period by customers with a profile, fully returned ones excluded. Anonymous sales are not here: the funnel&apos;s &quot;Bought in store&quot; counts the visits that ended with a purchase, anonymous visitors included. Days are this store&apos;s local days.</source>
        <translation>Achats au comptoir de ce magasin sur la période par des clients ayant un profil, hors achats entièrement retournés. Les ventes anonymes n&apos;y figurent pas : l&apos;étape « Achat en magasin » de l&apos;entonnoir compte les visites terminées par un achat, visiteurs anonymes compris. Les jours sont les jours locaux du magasin.</translation>
    </message>
    <message>
        <source>Net revenue of web and phone orders placed in the period by customers whose home store is this store.</source>
        <translation>Chiffre d’affaires net des commandes web et téléphone passées pendant la période par les clients dont c’est le magasin de référence.</translation>
    </message>
    <message>
        <source>Net revenue of web and phone orders credited to this store, for example because the customer ordered from a follow-up one of its associates sent.</source>
        <translation>Chiffre d’affaires net des commandes web et téléphone attribuées à ce magasin, par exemple quand le client a commandé depuis une relance envoyée par l’un de ses conseillers.</translation>
    </message>
    <message>
        <source>Customer profiles with this home store created in the period, at the counter or online. Merged duplicates count once.</source>
        <translation>Fiches clients de ce magasin créées pendant la période, en magasin ou en ligne. Les doublons fusionnés comptent une fois.</translation>
    </message>
    <message>
        <source>the last follow-up touch within the hub&apos;s attribution window wins</source>
        <translation>la dernière relance touchée dans la fenêtre d’attribution du hub l’emporte</translation>
    </message>
    <message>
        <source>the last follow-up touch within %n day(s) wins</source>
        <translation>la dernière relance touchée dans un délai de %n jour(s) l’emporte</translation>
    </message>
    <message>
        <source>Store visits logged in the period (anonymous visitors included) and how many ended with a purchase here: the in-store conversion, typically 30-35 % in retail. Then the follow-ups this store queued in the period: how many reached the customer, were opened, had a link clicked, put something in an online cart, and the online orders credited to the store (%1). Each rate is a share of the step before it.</source>
        <translation>Les visites en magasin enregistrées pendant la période (visiteurs anonymes compris) et combien se sont terminées par un achat ici : la transformation en magasin, en général 30-35 % dans le commerce. Puis les relances que ce magasin a programmées pendant la période : combien ont atteint le client, ont été ouvertes, ont eu un lien cliqué, ont mis un article dans un panier en ligne, et les commandes en ligne attribuées au magasin (%1). Chaque taux est une part de l’étape précédente.</translation>
    </message>
    <message>
        <source>The reasons associates logged for visits that ended without a purchase here, most frequent first, with the previous period for the trend.</source>
        <translation>Les raisons notées par les conseillers pour les visites terminées sans achat ici, les plus fréquentes d’abord, avec la période précédente pour la tendance.</translation>
    </message>
    <message>
        <source>Survey answers given in the period, from the QR code or link handed over at the counter and from follow-ups, by touchpoint, buyers and non-buyers apart: how many answers and the average score out of 5. Surveys answered are counted per visit logged and follow-up sent in the same period.</source>
        <translation>Réponses aux questionnaires pendant la période, depuis le QR code ou le lien remis au comptoir et depuis les relances, par point de contact, acheteurs et non-acheteurs à part : le nombre de réponses et la note moyenne sur 5. Les questionnaires remplis sont rapportés aux visites enregistrées et aux relances envoyées de la même période.</translation>
    </message>
    <message>
        <source>The newest written answers to the surveys of the period, with their touchpoint and score. Customers wrote them; they are shown as written.</source>
        <translation>Les dernières réponses écrites aux questionnaires de la période, avec leur point de contact et leur note. Écrites par les clients, elles sont affichées telles quelles.</translation>
    </message>
    <message>
        <source>Follow-ups this store queued in the period, per template and channel: how many reached the customer, were opened, had a link clicked, led to an online order, and the net revenue of the orders credited to them.</source>
        <translation>Les relances programmées par ce magasin pendant la période, par modèle et canal : combien ont atteint le client, ont été ouvertes, ont eu un lien cliqué, ont mené à une commande en ligne, et le chiffre d’affaires net des commandes qui leur sont attribuées.</translation>
    </message>
    <message>
        <source>Stages at the end of the period, from purchase history: New (no purchase yet), First purchase (one, recent), Loyal (two or more, recent), At risk (nothing for 180 days), Lapsed (nothing for 365 days). The table lists customers whose stage changed between the start and the end of the period.</source>
        <translation>Étapes à la fin de la période, d’après l’historique d’achats : Nouveau (aucun achat), Premier achat (un, récent), Fidèle (deux ou plus, récents), À risque (rien depuis 180 jours), Perdu (rien depuis 365 jours). Le tableau liste les clients dont l’étape a changé entre le début et la fin de la période.</translation>
    </message>
    <message>
        <source>Omnichannel customers bought both at a store counter and online (web or phone); single-channel customers bought in only one of the two. Customer value is all their net purchases up to the end of the period. Retention: of the customers whose first purchase is at least 12 months old, the share who bought again within 12 months of it. Beside them, the figures retail studies publish.</source>
        <translation>Les clients omnicanaux ont acheté en magasin et en ligne (web ou téléphone) ; les clients d’un seul canal dans un seul des deux. La valeur client est la somme de leurs achats nets jusqu’à la fin de la période. Fidélisation : parmi les clients dont le premier achat a au moins 12 mois, la part qui a racheté dans les 12 mois qui ont suivi. À côté, les chiffres publiés par les études du commerce.</translation>
    </message>
    <message>
        <source>Purchases at this store&apos;s counter in the period credited to each associate, with the number of distinct customers and the share of the store&apos;s in-store revenue. Counts and rates matter as much as the ranking.</source>
        <translation>Achats au comptoir de ce magasin pendant la période attribués à chaque conseiller, avec le nombre de clients distincts et la part du chiffre d’affaires en magasin. Les nombres et les taux comptent autant que le classement.</translation>
    </message>
    <message>
        <source>Tasks the hub created for this store in the period (welcome, second purchase, VIP thank-you, at-risk check-in, win-back, cart available here, post-purchase check-in), per associate: the one assigned, else the one who did it. Done rate: done so far out of created; on time: done by the due time, out of done. Dismissed: set aside by an associate with a reason (not counted as done).</source>
        <translation>Tâches créées par le hub pour ce magasin pendant la période (bienvenue, deuxième achat, remerciement VIP, client à risque, reconquête, panier disponible ici, suivi après achat), par conseiller : celui qui en est chargé, sinon celui qui les a faites. Taux de réalisation : faites jusqu’ici sur créées ; dans les délais : faites avant l’échéance, sur faites. Écartées : mises de côté par un conseiller avec un motif (non comptées comme faites).</translation>
    </message>
    <message>
        <source>Single-use offer codes carried by this store&apos;s follow-ups in the period, and how many were redeemed, at the till or online. Each code works once.</source>
        <translation>Codes d’offre à usage unique joints aux relances de ce magasin pendant la période, et combien ont été utilisés, en caisse ou en ligne. Chaque code ne sert qu’une fois.</translation>
    </message>
    <message>
        <source>Store visits</source>
        <translation>Visites en magasin</translation>
    </message>
    <message>
        <source>Bought in store</source>
        <translation>Achat en magasin</translation>
    </message>
    <message>
        <source>Follow-ups sent</source>
        <translation>Relances envoyées</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Ouvertes</translation>
    </message>
    <message>
        <source>Link clicked</source>
        <translation>Lien cliqué</translation>
    </message>
    <message>
        <source>Online cart</source>
        <translation>Panier en ligne</translation>
    </message>
    <message>
        <source>Online order</source>
        <translation>Commande en ligne</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Personnel</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produit</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Prix</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Livraison</translation>
    </message>
    <message>
        <source>Packaging</source>
        <translation>Emballage</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>Retours</translation>
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
        <source>Country of the phone number</source>
        <translation>Pays du numéro de téléphone</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Optional: scan or type the card</source>
        <translation>Facultatif : scannez ou saisissez la carte</translation>
    </message>
    <message>
        <source>Loyalty card</source>
        <translation>Carte de fidélité</translation>
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
        <source>A loyalty card number has 6 to 32 letters or digits.</source>
        <translation>Un numéro de carte de fidélité compte de 6 à 32 lettres ou chiffres.</translation>
    </message>
    <message>
        <source>Already known: %1 (%2). Open that profile instead?</source>
        <translation>Déjà connu : %1 (%2). Ouvrir plutôt ce profil ?</translation>
    </message>
    <message>
        <source>Other customers have the same details too.</source>
        <translation>D’autres clients ont aussi ces coordonnées.</translation>
    </message>
    <message>
        <source>another store</source>
        <translation>un autre magasin</translation>
    </message>
    <message>
        <source>Already a customer of %3: %1 (%2). Use the existing profile instead of creating a duplicate?</source>
        <translation>Déjà client de %3 : %1 (%2). Utiliser la fiche existante au lieu de créer un doublon ?</translation>
    </message>
    <message>
        <source>Use the existing profile</source>
        <translation>Utiliser la fiche existante</translation>
    </message>
</context>
<context>
    <name>OfferChoice</name>
    <message>
        <source>Offer</source>
        <translation>Avantage</translation>
    </message>
    <message>
        <source>No offer</source>
        <translation>Sans avantage</translation>
    </message>
    <message>
        <source>Reserve-for-pickup link</source>
        <translation>Lien de réservation pour retrait</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <source>PIN for quick switch</source>
        <translation>Code PIN pour changer rapidement d’utilisateur</translation>
    </message>
    <message>
        <source>With a PIN you unlock this terminal, or take it over from a colleague, without your password. It works on this terminal only and is never sent anywhere.</source>
        <translation>Avec un code PIN, vous déverrouillez ce terminal ou prenez la relève d’un collègue sans votre mot de passe. Il ne fonctionne que sur ce terminal et n’est jamais envoyé nulle part.</translation>
    </message>
    <message>
        <source>New PIN (4 to 8 digits)</source>
        <translation>Nouveau code PIN (4 à 8 chiffres)</translation>
    </message>
    <message>
        <source>Repeat the PIN</source>
        <translation>Répétez le code PIN</translation>
    </message>
    <message>
        <source>Save PIN</source>
        <translation>Enregistrer le code PIN</translation>
    </message>
    <message>
        <source>Remove my PIN</source>
        <translation>Supprimer mon code PIN</translation>
    </message>
    <message>
        <source>The two PINs differ. Type the same PIN twice.</source>
        <translation>Les deux codes PIN sont différents. Saisissez deux fois le même code.</translation>
    </message>
</context>
<context>
    <name>PinOfferDialog</name>
    <message>
        <source>Quick switching</source>
        <translation>Changement rapide</translation>
    </message>
    <message>
        <source>Set a PIN for quick switching?</source>
        <translation>Définir un code PIN pour le changement rapide ?</translation>
    </message>
    <message>
        <source>With a PIN you unlock this terminal, or take it over from a colleague, in a few keys instead of your password. It stays on this terminal.</source>
        <translation>Avec un code PIN, vous déverrouillez ce terminal, ou le reprenez à un collègue, en quelques touches au lieu de votre mot de passe. Il reste sur ce terminal.</translation>
    </message>
    <message>
        <source>Set a PIN…</source>
        <translation>Définir un code PIN…</translation>
    </message>
    <message>
        <source>Set a PIN now</source>
        <translation>Définir un code PIN maintenant</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Pas maintenant</translation>
    </message>
    <message>
        <source>Not now: do not ask again here</source>
        <translation>Pas maintenant : ne plus demander sur ce terminal</translation>
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
        <source>%1 (bought: %2)</source>
        <translation>%1 (acheté : %2)</translation>
    </message>
    <message>
        <source>bought: %1</source>
        <translation>acheté : %1</translation>
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
        <source>e.g. wedding 12/06; name day 24/07</source>
        <translation>ex. mariage 12/06 ; fête 24/07</translation>
    </message>
    <message>
        <source>Other important dates</source>
        <translation>Autres dates importantes</translation>
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
        <source>Write each date after its name, separated by semicolons: wedding 12/06.</source>
        <translation>Écrivez chaque date après son nom, séparées par des points-virgules : mariage 12/06.</translation>
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
        <source>Export customer data…</source>
        <translation>Exporter les données du client…</translation>
    </message>
    <message>
        <source>Log visit (Ctrl+L)</source>
        <translation>Noter la visite (Ctrl+L)</translation>
    </message>
    <message>
        <source>Book appointment (Ctrl+Shift+A)</source>
        <translation>Rendez-vous (Ctrl+Maj+A)</translation>
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
        <source>Size / colour</source>
        <translation>Taille / couleur</translation>
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
        <source>Other stores</source>
        <translation>Autres magasins</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>En ligne</translation>
    </message>
    <message>
        <source>Online cart</source>
        <translation>Panier en ligne</translation>
    </message>
    <message>
        <source>Available in the chain&apos;s other stores together; point at a figure for each store, nearest first</source>
        <translation>Disponible dans les autres magasins de l’enseigne au total ; survolez le chiffre pour le détail par magasin, du plus proche au plus loin</translation>
    </message>
    <message>
        <source>Available in the web warehouse</source>
        <translation>Disponible dans l’entrepôt web</translation>
    </message>
    <message>
        <source>Often bought together with this cart</source>
        <translation>Souvent achetés avec ce panier</translation>
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
        <source>Timeline (%1)</source>
        <translation>Historique (%1)</translation>
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
        <source>The hub refused a change: %1</source>
        <translation>Le hub a refusé une modification : %1</translation>
    </message>
    <message>
        <source>Other store · home store: %1</source>
        <translation>Autre magasin · magasin d’origine : %1</translation>
    </message>
    <message>
        <source>Other store</source>
        <translation>Autre magasin</translation>
    </message>
    <message>
        <source>A customer of another store, looked up on the hub. Notes and visits logged here reach their home store.</source>
        <translation>Client d’un autre magasin, retrouvé sur le hub. Les notes et visites saisies ici parviennent à son magasin d’origine.</translation>
    </message>
    <message>
        <source>Refreshed from the hub while the lookup lasts (30 days).</source>
        <translation>Actualisé depuis le hub tant que la recherche est valable (30 jours).</translation>
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
        <source>SKU %1</source>
        <translation>Réf. %1</translation>
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
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Appliquer</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Abandonner</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Oui</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Non</translation>
    </message>
</context>
<context>
    <name>QWizard</name>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Précédent</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Suivant &gt;</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>&amp;Terminer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>RecentViewsPanel</name>
    <message>
        <source>Recently viewed online</source>
        <translation>Consultés récemment en ligne</translation>
    </message>
    <message>
        <source>No products viewed online in the last 30 days.</source>
        <translation>Aucun produit consulté en ligne ces 30 derniers jours.</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produit</translation>
    </message>
    <message>
        <source>Size / colour</source>
        <translation>Taille / couleur</translation>
    </message>
    <message>
        <source>Last viewed</source>
        <translation>Vu le</translation>
    </message>
    <message>
        <source>The latest view on the web shop; ×2: viewed twice in the last 30 days</source>
        <translation>Dernière consultation sur la boutique en ligne ; ×2 : consulté deux fois ces 30 derniers jours</translation>
    </message>
    <message>
        <source>Last viewed %1, %2 views in the last 30 days</source>
        <translation>Vu le %1, %2 consultation(s) ces 30 derniers jours</translation>
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
        <source>Other stores</source>
        <translation>Autres magasins</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>En ligne</translation>
    </message>
    <message>
        <source>SKU %1</source>
        <translation>Réf. %1</translation>
    </message>
</context>
<context>
    <name>RedeemDialog</name>
    <message>
        <source>Redeem an offer code</source>
        <translation>Utiliser un code avantage</translation>
    </message>
    <message>
        <source>&amp;Code given by the customer (e.g. 7K2QF-M9XDA)</source>
        <translation>&amp;Code donné par le client (par ex. 7K2QF-M9XDA)</translation>
    </message>
    <message>
        <source>Offer code</source>
        <translation>Code avantage</translation>
    </message>
    <message>
        <source>Redeem</source>
        <translation>Valider le code</translation>
    </message>
    <message>
        <source>Asking the hub…</source>
        <translation>Interrogation du hub…</translation>
    </message>
    <message>
        <source>The hub cannot be reached: a code can only be redeemed online. Try again when the connection is back.</source>
        <translation>Le hub est injoignable : un code ne peut être utilisé qu’en ligne. Réessayez au retour de la connexion.</translation>
    </message>
    <message>
        <source>✓ Redeemed: %1. Code %2 cannot be used again.</source>
        <translation>✓ Utilisé : %1. Le code %2 ne peut plus servir.</translation>
    </message>
</context>
<context>
    <name>Revoked</name>
    <message>
        <source>Terminal revoked</source>
        <translation>Terminal révoqué</translation>
    </message>
    <message>
        <source>An administrator revoked this terminal, so the customer data on it was removed. To use it again, enroll it with a new code from an administrator and sign in.</source>
        <translation>Un administrateur a révoqué ce poste : les données clients qu’il contenait ont été supprimées. Pour l’utiliser à nouveau, enregistrez-le avec un nouveau code fourni par un administrateur, puis connectez-vous.</translation>
    </message>
</context>
<context>
    <name>RevokedBanner</name>
    <message>
        <source>An administrator revoked this terminal. %1 changes could not be sent yet, so the customer data stays on this terminal until they are. Keep it connected to the hub, or ask an administrator to wipe it without sending them.</source>
        <translation>Un administrateur a révoqué ce terminal. %1 modifications n’ont pas encore pu être envoyées : les données clients restent donc sur ce terminal jusqu’à leur envoi. Laissez-le connecté au hub, ou demandez à un administrateur de l’effacer sans les envoyer.</translation>
    </message>
</context>
<context>
    <name>ShortcutHelp</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Everything at the counter works from the keyboard; the search box always gets the focus back, ready for the next scan.</source>
        <translation>Tout se fait au clavier au comptoir ; la recherche reprend toujours la main, prête pour le prochain scan.</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
    <message>
        <source>What it does</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
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
    <name>SignInPage</name>
    <message>
        <source>Sign in</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <source>Sign in with your own user name and password.</source>
        <translation>Connectez-vous avec votre propre nom d’utilisateur et votre mot de passe.</translation>
    </message>
</context>
<context>
    <name>Stock</name>
    <message>
        <source>%1 km</source>
        <translation>%1 km</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 le %2</translation>
    </message>
    <message>
        <source>incoming: %1</source>
        <translation>en arrivage : %1</translation>
    </message>
    <message>
        <source>incoming: %1 on %2</source>
        <translation>en arrivage : %1 le %2</translation>
    </message>
</context>
<context>
    <name>StorePage</name>
    <message>
        <source>Store</source>
        <translation>Magasin</translation>
    </message>
    <message>
        <source>&amp;Store of this terminal</source>
        <translation>&amp;Magasin de ce poste</translation>
    </message>
    <message>
        <source>Store of this terminal</source>
        <translation>Magasin de ce poste</translation>
    </message>
    <message>
        <source>The code enrolled this terminal.</source>
        <translation>Le code a enregistré ce poste.</translation>
    </message>
    <message>
        <source>This terminal now belongs to the store:</source>
        <translation>Ce poste appartient désormais au magasin :</translation>
    </message>
    <message>
        <source>This code lets you choose the terminal&apos;s store.</source>
        <translation>Ce code vous laisse choisir le magasin du poste.</translation>
    </message>
    <message>
        <source>Choose the store this terminal stands in.</source>
        <translation>Choisissez le magasin où se trouve ce poste.</translation>
    </message>
    <message>
        <source>Enrolling…</source>
        <translation>Enregistrement…</translation>
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
<context>
    <name>TaskList</name>
    <message>
        <source>Tasks</source>
        <translation>Tâches</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorité</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Tâche</translation>
    </message>
    <message>
        <source>Suggested message</source>
        <translation>Message suggéré</translation>
    </message>
    <message>
        <source>Tasks of the store</source>
        <translation>Tâches du magasin</translation>
    </message>
    <message>
        <source>What came of it? (optional; Enter or Ctrl+D marks the task done)</source>
        <translation>Qu’en est-il ressorti ? (facultatif ; Entrée ou Ctrl+D marque la tâche comme faite)</translation>
    </message>
    <message>
        <source>Outcome note</source>
        <translation>Note de résultat</translation>
    </message>
    <message>
        <source>Open customer (Enter)</source>
        <translation>Ouvrir la fiche client (Entrée)</translation>
    </message>
    <message>
        <source>Send follow-up (Ctrl+F)</source>
        <translation>Envoyer une relance (Ctrl+F)</translation>
    </message>
    <message>
        <source>Snooze until tomorrow (Ctrl+Shift+S)</source>
        <translation>Reporter à demain (Ctrl+Maj+S)</translation>
    </message>
    <message>
        <source>Dismiss… (Ctrl+Shift+X)</source>
        <translation>Écarter… (Ctrl+Maj+X)</translation>
    </message>
    <message>
        <source>Move appointment (Ctrl+Shift+A)</source>
        <translation>Déplacer le rendez-vous (Ctrl+Maj+A)</translation>
    </message>
    <message>
        <source>Cancel appointment (Ctrl+Shift+C)</source>
        <translation>Annuler le rendez-vous (Ctrl+Maj+C)</translation>
    </message>
    <message>
        <source>Mark done (Ctrl+D)</source>
        <translation>Marquer comme faite (Ctrl+D)</translation>
    </message>
    <message>
        <source>%1 (overdue)</source>
        <translation>%1 (en retard)</translation>
    </message>
    <message>
        <source>✓ Done, waiting to sync: %1</source>
        <translation>✓ Faite, en attente de synchronisation : %1</translation>
    </message>
    <message>
        <source>Dismissed (%1), waiting to sync: %2</source>
        <translation>Écartée (%1), en attente de synchronisation : %2</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>Rendez-vous</translation>
    </message>
    <message>
        <source>%1 appointments today</source>
        <translation>%1 rendez-vous aujourd&apos;hui</translation>
    </message>
    <message>
        <source>%1 open · %2 overdue</source>
        <translation>%1 ouvertes · %2 en retard</translation>
    </message>
    <message>
        <source>%1 done, waiting to sync</source>
        <translation>%1 faites, en attente de synchronisation</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <source>Welcome the new customer</source>
        <translation>Accueillir le nouveau client</translation>
    </message>
    <message>
        <source>Encourage a second purchase</source>
        <translation>Encourager un deuxième achat</translation>
    </message>
    <message>
        <source>Thank a VIP customer</source>
        <translation>Remercier un client VIP</translation>
    </message>
    <message>
        <source>Check in: customer at risk</source>
        <translation>Prendre des nouvelles : client à risque</translation>
    </message>
    <message>
        <source>Win back a lapsed customer</source>
        <translation>Reconquérir un client perdu</translation>
    </message>
    <message>
        <source>Wish a happy birthday</source>
        <translation>Souhaiter un joyeux anniversaire</translation>
    </message>
    <message>
        <source>A wished product is back in stock here</source>
        <translation>Un article souhaité est de nouveau en stock ici</translation>
    </message>
    <message>
        <source>Online cart available here today, no shipping</source>
        <translation>Panier en ligne disponible ici aujourd’hui, sans livraison</translation>
    </message>
    <message>
        <source>Ask how delivery and packaging went</source>
        <translation>Demander comment se sont passés la livraison et l’emballage</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Haute</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normale</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Basse</translation>
    </message>
</context>
<context>
    <name>TerminalLock</name>
    <message>
        <source>Lock the terminal</source>
        <translation>Verrouiller le terminal</translation>
    </message>
    <message>
        <source>Lock (Ctrl+Shift+K)</source>
        <translation>Verrouiller (Ctrl+Maj+K)</translation>
    </message>
    <message>
        <source>My PIN…</source>
        <translation>Mon code PIN…</translation>
    </message>
    <message>
        <source>Choose a PIN to unlock and switch quickly</source>
        <translation>Choisir un code PIN pour déverrouiller et changer d’utilisateur rapidement</translation>
    </message>
    <message>
        <source>Clienteling — locked</source>
        <translation>Clienteling — verrouillé</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Afficher</translation>
    </message>
    <message>
        <source>Show in the timeline</source>
        <translation>Afficher dans l’historique</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Tout</translation>
    </message>
    <message>
        <source>Store visits</source>
        <translation>Visites en magasin</translation>
    </message>
    <message>
        <source>Purchases and orders</source>
        <translation>Achats et commandes</translation>
    </message>
    <message>
        <source>Online carts</source>
        <translation>Paniers en ligne</translation>
    </message>
    <message>
        <source>Consent changes</source>
        <translation>Consentements</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Holds</source>
        <translation>Mises de côté</translation>
    </message>
    <message>
        <source>Offers</source>
        <translation>Avantages</translation>
    </message>
    <message>
        <source>Replies</source>
        <translation>Réponses</translation>
    </message>
    <message>
        <source>Appointments</source>
        <translation>Rendez-vous</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Suivis</translation>
    </message>
    <message>
        <source>Survey answers</source>
        <translation>Réponses aux questionnaires</translation>
    </message>
    <message>
        <source>Customer timeline</source>
        <translation>Historique du client</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>[pending sync]</source>
        <translation>[en attente de synchro]</translation>
    </message>
    <message>
        <source>[refused by the hub]</source>
        <translation>[refusé par le hub]</translation>
    </message>
    <message>
        <source>Enter: show the follow-up this reply answers</source>
        <translation>Entrée : afficher la relance à laquelle cette réponse répond</translation>
    </message>
    <message>
        <source>Nothing to show yet.</source>
        <translation>Rien à afficher pour l’instant.</translation>
    </message>
    <message>
        <source>%1 events</source>
        <translation>%1 événements</translation>
    </message>
    <message>
        <source>Survey: %1 %2/5</source>
        <translation>Questionnaire : %1 %2/5</translation>
    </message>
    <message>
        <source>Survey comment: %1</source>
        <translation>Commentaire du questionnaire : %1</translation>
    </message>
    <message>
        <source>as a buyer</source>
        <translation>après un achat</translation>
    </message>
    <message>
        <source>without buying</source>
        <translation>sans achat</translation>
    </message>
    <message>
        <source>Shipping of the order of %1</source>
        <translation>Expédition de la commande du %1</translation>
    </message>
    <message>
        <source>Delivery of the order of %1</source>
        <translation>Livraison de la commande du %1</translation>
    </message>
    <message>
        <source>Partial return from the purchase of %1</source>
        <translation>Retour partiel de l’achat du %1</translation>
    </message>
    <message>
        <source>Return from the purchase of %1</source>
        <translation>Retour de l’achat du %1</translation>
    </message>
    <message>
        <source>Update of the order of %1</source>
        <translation>Mise à jour de la commande du %1</translation>
    </message>
    <message>
        <source>Store visit: %1</source>
        <translation>Visite en magasin : %1</translation>
    </message>
    <message>
        <source>Store purchase: %1, %2</source>
        <translation>Achat en magasin : %1, %2</translation>
    </message>
    <message>
        <source>Phone order: %1, %2</source>
        <translation>Commande par téléphone : %1, %2</translation>
    </message>
    <message>
        <source>Online order: %1, %2</source>
        <translation>Commande en ligne : %1, %2</translation>
    </message>
    <message>
        <source>with offer %1</source>
        <translation>avec l&apos;avantage %1</translation>
    </message>
    <message>
        <source>abandoned at %1</source>
        <translation>abandonné à l’étape %1</translation>
    </message>
    <message>
        <source>Online cart: %1</source>
        <translation>Panier en ligne : %1</translation>
    </message>
    <message>
        <source>Agreed to %1</source>
        <translation>Consentement %1 donné</translation>
    </message>
    <message>
        <source>Refused %1</source>
        <translation>Consentement %1 refusé</translation>
    </message>
    <message>
        <source>Note by %1</source>
        <translation>Note de %1</translation>
    </message>
    <message>
        <source>Follow-up by %1: %2</source>
        <translation>Suivi par %1 : %2</translation>
    </message>
    <message>
        <source>Reply by %1: opted out of %1</source>
        <translation>Réponse par %1 : désinscription de %1</translation>
    </message>
    <message>
        <source>Reply by %1</source>
        <translation>Réponse par %1</translation>
    </message>
    <message>
        <source>answers “%1” of %2</source>
        <translation>répond à « %1 » du %2</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>de %1</translation>
    </message>
    <message>
        <source>%1, with %2</source>
        <translation>%1, avec %2</translation>
    </message>
    <message>
        <source>signed up in store</source>
        <translation>inscription en magasin</translation>
    </message>
    <message>
        <source>signed up online</source>
        <translation>inscription en ligne</translation>
    </message>
    <message>
        <source>from a receipt</source>
        <translation>depuis un ticket de caisse</translation>
    </message>
    <message>
        <source>on the preferences page</source>
        <translation>sur la page des préférences</translation>
    </message>
    <message>
        <source>by replying to a message</source>
        <translation>en répondant à un message</translation>
    </message>
</context>
<context>
    <name>TogetherPanel</name>
    <message>
        <source>%1 · %2 · %3 · orders together: %4</source>
        <translation>%1 · %2 · %3 · commandes ensemble : %4</translation>
    </message>
</context>
<context>
    <name>UpdateBanner</name>
    <message>
        <source>This terminal needs an update to sync with the hub. You can keep working; changes are kept and will sync after the update.</source>
        <translation>Ce terminal doit être mis à jour pour se synchroniser avec le hub. Vous pouvez continuer à travailler : vos modifications sont conservées et seront synchronisées après la mise à jour.</translation>
    </message>
</context>
<context>
    <name>Variant</name>
    <message>
        <source>Size %1</source>
        <translation>Taille %1</translation>
    </message>
    <message>
        <source>colour %1</source>
        <translation>couleur %1</translation>
    </message>
    <message>
        <source>Colour %1</source>
        <translation>Couleur %1</translation>
    </message>
</context>
<context>
    <name>VisitFormDialog</name>
    <message>
        <source>Log visit: anonymous visitor</source>
        <translation>Noter la visite : visiteur anonyme</translation>
    </message>
    <message>
        <source>Log visit: %1</source>
        <translation>Noter la visite : %1</translation>
    </message>
    <message>
        <source>Visit of %1</source>
        <translation>Visite de %1</translation>
    </message>
    <message>
        <source>Visitor without a profile (counted in the store&apos;s visits)</source>
        <translation>Visiteur sans fiche client (compté dans les visites du magasin)</translation>
    </message>
    <message>
        <source>Products tried or shown</source>
        <translation>Produits essayés ou présentés</translation>
    </message>
    <message>
        <source>Find a product</source>
        <translation>Chercher un produit</translation>
    </message>
    <message>
        <source>Name, SKU or scan a barcode, then Enter to add</source>
        <translation>Nom, référence ou code-barres scanné, puis Entrée pour ajouter</translation>
    </message>
    <message>
        <source>Matching products</source>
        <translation>Produits correspondants</translation>
    </message>
    <message>
        <source>From the online cart (click to add):</source>
        <translation>Depuis le panier en ligne (cliquer pour ajouter) :</translation>
    </message>
    <message>
        <source>Products of this visit</source>
        <translation>Produits de cette visite</translation>
    </message>
    <message>
        <source>None yet. Delete removes the selected one.</source>
        <translation>Aucun pour l’instant. Suppr retire le produit sélectionné.</translation>
    </message>
    <message>
        <source>Often bought together with these (Enter adds one)</source>
        <translation>Souvent achetés avec ceux-ci (Entrée en ajoute un)</translation>
    </message>
    <message>
        <source>How did the visit end?</source>
        <translation>Comment s’est terminée la visite ?</translation>
    </message>
    <message>
        <source>Why was nothing bought?</source>
        <translation>Pourquoi rien n’a été acheté ?</translation>
    </message>
    <message>
        <source>Other reason</source>
        <translation>Autre raison</translation>
    </message>
    <message>
        <source>What was missing? (for “Other”)</source>
        <translation>Que manquait-il ? (pour « Autre »)</translation>
    </message>
    <message>
        <source>Hand over the survey link (QR code)</source>
        <translation>Remettre le lien du questionnaire (QR code)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Save visit (Ctrl+Enter)</source>
        <translation>Enregistrer la visite (Ctrl+Entrée)</translation>
    </message>
    <message>
        <source>Ask the customer to scan this code with their phone camera: a short survey about today&apos;s visit opens, and answers are anonymous if they wish.</source>
        <translation>Proposez au client de scanner ce code avec l’appareil photo de son téléphone : un court questionnaire sur la visite du jour s’ouvre, et il peut répondre anonymement.</translation>
    </message>
    <message>
        <source>Survey QR code</source>
        <translation>QR code du questionnaire</translation>
    </message>
    <message>
        <source>Send the link by &amp;SMS</source>
        <translation>Envoyer le lien par &amp;SMS</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>%1 is already listed.</source>
        <translation>%1 est déjà dans la liste.</translation>
    </message>
    <message>
        <source>A visit lists at most %1 products.</source>
        <translation>Une visite compte au plus %1 produits.</translation>
    </message>
    <message>
        <source>%1 here</source>
        <translation>%1 ici</translation>
    </message>
    <message>
        <source>not in stock here</source>
        <translation>pas en stock ici</translation>
    </message>
    <message>
        <source>No product matches “%1”.</source>
        <translation>Aucun produit ne correspond à « %1 ».</translation>
    </message>
    <message>
        <source>Choose how the visit ended.</source>
        <translation>Indiquez comment la visite s’est terminée.</translation>
    </message>
    <message>
        <source>Say why nothing was bought.</source>
        <translation>Indiquez pourquoi rien n’a été acheté.</translation>
    </message>
    <message>
        <source>Describe the reason in a few words.</source>
        <translation>Décrivez la raison en quelques mots.</translation>
    </message>
    <message>
        <source>This customer is not in the cache any more.</source>
        <translation>Ce client n’est plus dans le cache.</translation>
    </message>
    <message>
        <source>No SMS. %1.</source>
        <translation>Pas de SMS. %1.</translation>
    </message>
    <message>
        <source>The survey link goes out by SMS: the hub sends it after the next sync, checking consent again.</source>
        <translation>Le lien du questionnaire part par SMS : le hub l’envoie après la prochaine synchronisation, en vérifiant à nouveau le consentement.</translation>
    </message>
    <message>
        <source>Restored what was typed before, not yet saved. Cancel discards it.</source>
        <translation>Saisie précédente restaurée, pas encore enregistrée. Annuler l’efface.</translation>
    </message>
    <message>
        <source>Visit saved.</source>
        <translation>Visite enregistrée.</translation>
    </message>
    <message>
        <source>It will be sent to the hub at the next sync.</source>
        <translation>Elle sera envoyée au hub à la prochaine synchronisation.</translation>
    </message>
</context>
<context>
    <name>VisitLabels</name>
    <message>
        <source>Bought &amp;here</source>
        <translation>Acheté &amp;ici</translation>
    </message>
    <message>
        <source>Will buy &amp;online</source>
        <translation>Achètera en &amp;ligne</translation>
    </message>
    <message>
        <source>Will &amp;come back</source>
        <translation>&amp;Reviendra</translation>
    </message>
    <message>
        <source>&amp;Left without buying</source>
        <translation>&amp;Parti sans acheter</translation>
    </message>
    <message>
        <source>&amp;Price</source>
        <translation>Pri&amp;x</translation>
    </message>
    <message>
        <source>&amp;Size or colour missing</source>
        <translation>&amp;Taille ou couleur manquante</translation>
    </message>
    <message>
        <source>&amp;Just browsing</source>
        <translation>Regardait &amp;seulement</translation>
    </message>
    <message>
        <source>Wants to co&amp;mpare</source>
        <translation>Veut co&amp;mparer</translation>
    </message>
    <message>
        <source>&amp;Delivery options</source>
        <translation>Options &amp;de livraison</translation>
    </message>
    <message>
        <source>Othe&amp;r</source>
        <translation>Autr&amp;e</translation>
    </message>
</context>
</TS>
