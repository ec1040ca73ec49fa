<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>AccountsDialog</name>
    <message>
        <source>Not connected: {0}</source>
        <translation>Non connecté&#xa0;: {0}</translation>
    </message>
    <message>
        <source>Connected: 1 task available right now.</source>
        <translation>Connecté&#xa0;: 1 tâche disponible en ce moment.</translation>
    </message>
    <message>
        <source>Connected: {0} tasks available right now.</source>
        <translation>Connecté&#xa0;: {0} tâches disponibles en ce moment.</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Comptes</translation>
    </message>
    <message>
        <source>Add account</source>
        <translation>Ajouter un compte</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>A name for this account, e.g. your e-mail</source>
        <translation>Un nom pour ce compte, par exemple votre adresse e-mail</translation>
    </message>
    <message>
        <source>Check this account for tasks</source>
        <translation>Chercher des tâches sur ce compte</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Tester la connexion</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Paste the {0} first.</source>
        <translation>Collez d’abord {0}.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
    <message>
        <source>Remove account</source>
        <translation>Supprimer le compte</translation>
    </message>
    <message>
        <source>Remove {0}? Its login is deleted from the keyring; your earnings are kept.</source>
        <translation>Supprimer {0}&#xa0;? Son identifiant est effacé du trousseau&#xa0;; vos gains sont conservés.</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Test en cours…</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>inchangé</translation>
    </message>
    <message>
        <source>Platform:</source>
        <translation>Plateforme&#xa0;:</translation>
    </message>
    <message>
        <source>Account:</source>
        <translation>Compte&#xa0;:</translation>
    </message>
    <message>
        <source>{0}:</source>
        <translation>{0}&#xa0;:</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Serveur&#xa0;:</translation>
    </message>
    <message>
        <source>Give the account a name (your e-mail or user name on the platform).</source>
        <translation>Donnez un nom au compte (votre adresse e-mail ou votre nom d’utilisateur sur la plateforme).</translation>
    </message>
    <message>
        <source>Fill in: {0}.</source>
        <translation>À remplir&#xa0;: {0}.</translation>
    </message>
    <message>
        <source>No keyring</source>
        <translation>Pas de trousseau</translation>
    </message>
    <message>
        <source>{0}

Keep this login for this run of SurveyDesk only? It will not be written anywhere.</source>
        <translation>{0}

Garder cet identifiant pour cette session de SurveyDesk seulement&#xa0;? Il ne sera écrit nulle part.</translation>
    </message>
    <message>
        <source>The test failed with an error of ours; see the log file.</source>
        <translation>Le test a échoué à cause d’une erreur de notre part&#xa0;; voir le fichier journal.</translation>
    </message>
</context>
<context>
    <name>AlertsDialog</name>
    <message>
        <source>Alerts</source>
        <translation>Alertes</translation>
    </message>
    <message>
        <source>none (count them in the tray only)</source>
        <translation>aucune (les compter seulement dans la zone de notification)</translation>
    </message>
    <message>
        <source>Quiet hours</source>
        <translation>Heures de silence</translation>
    </message>
    <message>
        <source>Quiet from</source>
        <translation>Silence à partir de</translation>
    </message>
    <message>
        <source>Quiet until</source>
        <translation>Silence jusqu’à</translation>
    </message>
    <message>
        <source>Play a sound with each alert</source>
        <translation>Jouer un son à chaque alerte</translation>
    </message>
    <message>
        <source>Alerts a minute, at most:</source>
        <translation>Alertes par minute, au plus&#xa0;:</translation>
    </message>
</context>
<context>
    <name>AnswerInput</name>
    <message>
        <source>— no answer —</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Contradiction</name>
    <message>
        <source>{0}: you answered “{1}”, but {2} says “{3}”. Platforms reject participants whose answers disagree.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your answer on {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <source>Correct an entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(keep the status)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the amount as a number such as 1.50.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to correct: change the status or the amount.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EarningsChart</name>
    <message>
        <source>Earnings per period, by platform</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Eligibility</name>
    <message>
        <source>needs a device you do not list: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>needs {0}, which your profile does not list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>asks for {0}, which MTurk says you do not have</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is for workers in {0}; your profile says {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not for workers in {0}; your profile says {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EmptyListHint</name>
    <message>
        <source>No task matches your search or platform filter. Clear the search box and choose “All platforms” to see all {0} tasks.</source>
        <translation>Aucune tâche ne correspond à votre recherche ou au filtre de plateforme. Videz la zone de recherche et choisissez «&#xa0;Toutes les plateformes&#xa0;» pour voir les {0} tâches.</translation>
    </message>
    <message>
        <source>All {0} tasks are outside your rules. Tasks ▸ Show hidden tasks shows them; Tasks ▸ Rules… changes what the list shows.</source>
        <translation>Les {0} tâches sont hors de vos règles. Tâches ▸ Afficher les tâches masquées les montre&#xa0;; Tâches ▸ Règles… change ce que la liste affiche.</translation>
    </message>
    <message>
        <source>No platform account yet. Add one in Tasks ▸ Accounts…, or try the demo from the Welcome tab.</source>
        <translation>Aucun compte de plateforme pour l’instant. Ajoutez-en un dans Tâches ▸ Comptes…, ou essayez la démo depuis l’onglet Bienvenue.</translation>
    </message>
    <message>
        <source>Checking is paused. Tasks ▸ Pause checking starts it again.</source>
        <translation>Les vérifications sont suspendues. Tâches ▸ Suspendre les vérifications les relance.</translation>
    </message>
    <message>
        <source>None of your accounts could be checked: their status below says why.</source>
        <translation>Aucun de vos comptes n’a pu être vérifié&#xa0;: leur état, plus bas, dit pourquoi.</translation>
    </message>
    <message>
        <source>Waiting for the first check of your accounts…</source>
        <translation>En attente de la première vérification de vos comptes…</translation>
    </message>
    <message>
        <source>No open task right now. SurveyDesk checks again on its own and alerts you when new tasks appear.</source>
        <translation>Aucune tâche ouverte pour le moment. SurveyDesk vérifie de nouveau tout seul et vous alerte quand de nouvelles tâches apparaissent.</translation>
    </message>
</context>
<context>
    <name>EntryTableModel</name>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform</source>
        <translation type="unfinished">Plateforme</translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation type="unfinished">Envoyé</translation>
    </message>
    <message>
        <source>Awaiting review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid</source>
        <translation type="unfinished">Payé</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation type="unfinished">Refusé</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation type="unfinished">Rendu</translation>
    </message>
    <message>
        <source>Screened out</source>
        <translation type="unfinished">Non qualifié</translation>
    </message>
    <message>
        <source>Reversed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bonus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>adjustment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reversal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[{0}] {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FeedController</name>
    <message>
        <source>This desktop has no system tray: new-task alerts are shown in this window.</source>
        <translation>Ce bureau n’a pas de zone de notification&#xa0;: les alertes de nouvelles tâches s’affichent dans cette fenêtre.</translation>
    </message>
    <message>
        <source>Time limit</source>
        <translation>Limite de temps</translation>
    </message>
    <message>
        <source>SurveyDesk is still running</source>
        <translation>SurveyDesk fonctionne toujours</translation>
    </message>
    <message>
        <source>It keeps checking for tasks in the tray. Quit it from the tray&apos;s menu.</source>
        <translation>Il continue de chercher des tâches depuis la zone de notification. Quittez-le par le menu de son icône.</translation>
    </message>
</context>
<context>
    <name>Field</name>
    <message>
        <source>This answer has the wrong form.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose one of the answers offered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose among the answers offered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose at least {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose at most {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a whole number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter {0} or more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter {0} or less.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a date as year-month-day, e.g. 1990-04-17.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This date is in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This makes you younger than {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This makes you older than {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep it under {0} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter at least {0} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter at most {0} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This does not look right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This does not look right ({0}).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FieldEditor</name>
    <message>
        <source>What {0} may receive of “{1}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}:</source>
        <translation type="unfinished">{0}&#xa0;:</translation>
    </message>
</context>
<context>
    <name>HistoryService</name>
    <message>
        <source>The history could not be read from the database; see the log file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More entries could not be read from the database; see the log file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your change could not be stored; see the log file. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updating rates is not available here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rates were asked for a moment ago; try again after {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rates could not be updated; see the log file.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid</source>
        <translation type="unfinished">Payé</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your currency: every total is converted into it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exchange rates…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Prolific CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ledger as CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ledger as JSON…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yearly summary per platform…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading your history…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Earned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Totals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Earnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wages</source>
        <translation type="unfinished">Gains</translation>
    </message>
    <message>
        <source>Unpaid share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All platforms</source>
        <translation type="unfinished">Toutes les plateformes</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All years</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search titles, requesters and notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an entry to see its history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Totals per</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing earned yet. Add your platform accounts in Tasks ▸ Accounts… and their earnings appear here after the next sync (Tasks ▸ Sync earnings now); every task you time is entered at once; Import Prolific CSV… brings in Prolific&apos;s past submissions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Totals per period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Earnings by platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform</source>
        <translation type="unfinished">Plateforme</translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The selected entry&apos;s history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Earned {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} in {1} since {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not in these totals, for want of an exchange rate dated on or before their day: {0}. Add a rate in Exchange rates…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} of {1} shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timed here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>note: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>note removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add your Prolific account first (Tasks ▸ Accounts…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which Prolific account is this history of?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Prolific&apos;s submission history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported {0} submissions into {1} entries.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} rows had no time and were left out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing {0}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yearly summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The summary of {0} ({1} platforms) is in {2}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported {0} entries to {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting to {0}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another import or export is still running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeyringSecrets</name>
    <message>
        <source>No system keyring is available, so SurveyDesk cannot save your platform logins. Start your desktop&apos;s keyring (for example GNOME Keyring or KWallet) and restart SurveyDesk; until then a login can be kept for this run only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keyring refused to give the login for {0}; is it locked?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keyring refused to store the login for {0}; is it locked?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keyring refused to remove the login for {0}; is it locked?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LongJob</name>
    <message>
        <source>Something went wrong on our side; see the log file. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Search titles and requesters</source>
        <translation>Chercher dans les titres et les demandeurs</translation>
    </message>
    <message>
        <source>All platforms</source>
        <translation>Toutes les plateformes</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Tâches</translation>
    </message>
    <message>
        <source>{0} — demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search tasks</source>
        <translation>Chercher des tâches</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Plateforme</translation>
    </message>
    <message>
        <source>Demo mode: these tasks come from SurveyDesk&apos;s built-in demo exchange. Nothing here is real and your own data is not touched.</source>
        <translation>Mode démo&#xa0;: ces tâches viennent de la bourse de démonstration intégrée à SurveyDesk. Rien n’y est réel et vos propres données ne sont pas touchées.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>S&amp;ync between computers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Tasks</source>
        <translation>&amp;Tâches</translation>
    </message>
    <message>
        <source>&amp;Accounts…</source>
        <translation>&amp;Comptes…</translation>
    </message>
    <message>
        <source>Pro&amp;file…</source>
        <translation>Pr&amp;ofil…</translation>
    </message>
    <message>
        <source>&amp;Check now</source>
        <translation>&amp;Vérifier maintenant</translation>
    </message>
    <message>
        <source>&amp;Take the selected task</source>
        <translation>&amp;Prendre la tâche sélectionnée</translation>
    </message>
    <message>
        <source>&amp;Rules…</source>
        <translation>&amp;Règles…</translation>
    </message>
    <message>
        <source>A&amp;lerts…</source>
        <translation>&amp;Alertes…</translation>
    </message>
    <message>
        <source>&amp;Show hidden tasks</source>
        <translation>A&amp;fficher les tâches masquées</translation>
    </message>
    <message>
        <source>&amp;Pause checking</source>
        <translation>&amp;Suspendre les vérifications</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;About SurveyDesk</source>
        <translation>À &amp;propos de SurveyDesk</translation>
    </message>
    <message>
        <source>&amp;Work</source>
        <translation>T&amp;ravail</translation>
    </message>
    <message>
        <source>Clock &amp;in / out</source>
        <translation>Commencer / terminer la &amp;session</translation>
    </message>
    <message>
        <source>&amp;Start timer on the selected task</source>
        <translation>&amp;Chronométrer la tâche sélectionnée</translation>
    </message>
    <message>
        <source>Start a task by &amp;hand…</source>
        <translation>Commencer une tâche à la &amp;main…</translation>
    </message>
    <message>
        <source>&amp;Pause / resume</source>
        <translation>Mettre en &amp;pause / reprendre</translation>
    </message>
    <message>
        <source>End as: {0}</source>
        <translation>Terminer comme&#xa0;: {0}</translation>
    </message>
    <message>
        <source>SurveyDesk stopped unexpectedly</source>
        <translation>SurveyDesk s’est arrêté de façon inattendue</translation>
    </message>
    <message>
        <source>SurveyDesk stopped while timing {0} (last seen running at {1}).

Count the {2} minutes since then as work?</source>
        <translation>SurveyDesk s’est arrêté pendant qu’il chronométrait {0} (vu en marche pour la dernière fois à {1}).

Compter comme du travail les {2} minutes écoulées depuis&#xa0;?</translation>
    </message>
    <message>
        <source>your shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{0}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation type="unfinished">{0}&#xa0;: {1}</translation>
    </message>
    <message>
        <source>About SurveyDesk</source>
        <translation>À propos de SurveyDesk</translation>
    </message>
    <message>
        <source>SurveyDesk {0}

Tasks from several platforms in one list, the true hourly wage with unpaid time counted, and an earnings log that works offline.</source>
        <translation>SurveyDesk {0}

Les tâches de plusieurs plateformes dans une seule liste, le vrai salaire horaire avec le temps non payé compté, et un journal des gains qui fonctionne hors ligne.</translation>
    </message>
    <message>
        <source>{0} tasks</source>
        <translation>{0} tâches</translation>
    </message>
    <message>
        <source>{0} of {1} tasks</source>
        <translation>{0} tâches sur {1}</translation>
    </message>
    <message>
        <source> ({0} outside your rules, shown)</source>
        <translation> ({0} hors de vos règles, affichées)</translation>
    </message>
    <message>
        <source> ({0} hidden by your rules)</source>
        <translation> ({0} masquées par vos règles)</translation>
    </message>
    <message>
        <source>Wages</source>
        <translation>Gains</translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ManualTaskDialog</name>
    <message>
        <source>Say which platform the task is on.</source>
        <translation>Indiquez sur quelle plateforme se trouve la tâche.</translation>
    </message>
    <message>
        <source>Give the task a title, so you can find it in your history.</source>
        <translation>Donnez un titre à la tâche, pour la retrouver dans votre historique.</translation>
    </message>
    <message>
        <source>“{0}” is not an amount in {1}.</source>
        <translation>«&#xa0;{0}&#xa0;» n’est pas un montant en {1}.</translation>
    </message>
    <message>
        <source>The reward cannot be negative.</source>
        <translation>La rémunération ne peut pas être négative.</translation>
    </message>
    <message>
        <source>Start a task by hand</source>
        <translation>Commencer une tâche à la main</translation>
    </message>
    <message>
        <source>What the task is called on the platform</source>
        <translation>Le nom de la tâche sur la plateforme</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>inconnue</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>sans limite</translation>
    </message>
    <message>
        <source>Start timer</source>
        <translation>Lancer le chrono</translation>
    </message>
    <message>
        <source>Platform:</source>
        <translation>Plateforme&#xa0;:</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Titre&#xa0;:</translation>
    </message>
    <message>
        <source>Reward:</source>
        <translation>Rémunération&#xa0;:</translation>
    </message>
    <message>
        <source>Currency:</source>
        <translation>Devise&#xa0;:</translation>
    </message>
    <message>
        <source>Estimated time:</source>
        <translation>Durée estimée&#xa0;:</translation>
    </message>
    <message>
        <source>Time limit:</source>
        <translation>Temps limite&#xa0;:</translation>
    </message>
</context>
<context>
    <name>MinimumWageEditor</name>
    <message>
        <source>Minimum wage</source>
        <translation>Salaire minimum</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>Minimum wage per hour</source>
        <translation>Salaire minimum par heure</translation>
    </message>
    <message>
        <source>Gross, per hour; leave empty to compare with nothing</source>
        <translation>Brut, par heure&#xa0;; laissez vide pour ne comparer à rien</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Devise</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>per hour</source>
        <translation>par heure</translation>
    </message>
    <message>
        <source>Enter an amount such as 11.88 and a currency code such as EUR.</source>
        <translation>Saisissez un montant comme 11,88 et un code de devise comme EUR.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
</context>
<context>
    <name>MoneyField</name>
    <message>
        <source>{0}: currency</source>
        <translation>{0}&#xa0;: devise</translation>
    </message>
    <message>
        <source>Not an amount in {0}: enter a number such as 0.50.</source>
        <translation>Pas un montant en {0}&#xa0;: saisissez un nombre comme 0,50.</translation>
    </message>
    <message>
        <source>Enter an amount of zero or more.</source>
        <translation>Saisissez un montant positif ou nul.</translation>
    </message>
    <message>
        <source>applies to tasks paid in {0}</source>
        <translation>s’applique aux tâches payées en {0}</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your note</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Poller</name>
    <message>
        <source>Paused</source>
        <translation>En pause</translation>
    </message>
    <message>
        <source>Checking for tasks…</source>
        <translation>Recherche de tâches…</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <source>As the system is set</source>
        <translation>Comme le système</translation>
    </message>
    <message>
        <source>&amp;Start SurveyDesk when I log in</source>
        <translation>&amp;Démarrer SurveyDesk à l’ouverture de ma session</translation>
    </message>
    <message>
        <source>Show SurveyDesk in the &amp;applications menu</source>
        <translation>Afficher SurveyDesk dans le menu des &amp;applications</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Langue&#xa0;:</translation>
    </message>
    <message>
        <source>Could not change the start at login ({0}): {1}</source>
        <translation>Impossible de modifier le démarrage à l’ouverture de session ({0})&#xa0;: {1}</translation>
    </message>
    <message>
        <source>Could not change the applications menu ({0}): {1}</source>
        <translation>Impossible de modifier le menu des applications ({0})&#xa0;: {1}</translation>
    </message>
</context>
<context>
    <name>ProfileEditor</name>
    <message>
        <source>Your profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%v of %m answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your own answers, kept on this computer only. Every field may stay empty. For each platform you choose what it may receive; nothing is sent anywhere you did not allow.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform</source>
        <translation type="unfinished">Plateforme</translation>
    </message>
    <message>
        <source>Forget the selected answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Times</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was sent where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Screener answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished">Enregistrer</translation>
    </message>
    <message>
        <source>Export as JSON…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete my profile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your profile is empty. Start with “About you”: answer what you like, leave the rest empty, then Save. Each answer stays on this computer until you allow a platform to receive it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record what you answered a screener (a platform&apos;s qualifying questions). SurveyDesk warns you when it disagrees with your profile or an earlier answer: platforms reject participants whose answers disagree.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Prolific</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record this answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Screener answers you recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your answer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some answers need a look before they can be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished">Enregistré.</translation>
    </message>
    <message>
        <source>Exported to {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your profile was deleted from this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the answer you gave.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say where you answered it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded; it disagrees with nothing you told SurveyDesk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export your profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete my profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete every answer of your profile, your sharing choices, the record of what was sent where and your screener answers from this computer? This cannot be undone. What platforms already received stays with them.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProfilerDialog</name>
    <message>
        <source>Before the survey: BitLabs&apos; questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save my answer to my profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From now on, send this answer to BitLabs without asking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions already answered from your profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave the survey</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open in the browser instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answered from your profile without asking, as you chose:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking BitLabs for the survey&apos;s questions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipping…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leaving the survey…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending your answer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BitLabs&apos; questions are done; the survey opens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question {0} of {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You left the survey; nothing more was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An error of ours; see the log file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filled in from your profile. Check it, then send.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your profile has no answer you allow for “{0}”. What you answer can be saved to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This survey&apos;s own question. What you answer can be saved for next time.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RatesDialog</name>
    <message>
        <source>Exchange rates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency</source>
        <translation type="unfinished">Devise</translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 EUR buys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exchange rates kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency of the new rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of the new rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How much of the currency 1 EUR buys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep this rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update from the ECB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An amount is converted with the latest rate dated on or before its day; with none that old it is not converted, and the totals say so. Rates you keep here are never replaced by the ECB&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ECB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not kept: {0}. Enter a currency such as USD and a rate such as 1.0921.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} rates from the ECB are new or changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Reputation</name>
    <message>
        <source>{0} done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 screen-out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} screen-outs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} returned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}/h</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rules</name>
    <message>
        <source>is on {0}, not one of your platforms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its requester is on your blocked list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its requester is not on your allowed list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pays {0}, under your minimum of {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pays {0} an hour, under your minimum of {1} an hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>takes about 1 minute, over your maximum of {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>takes about {0} minutes, over your maximum of {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has 1 place left, under your minimum of {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has {0} places left, under your minimum of {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>needs a device you do not have (you have: {0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mentions “{0}”, one of your excluded words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mentions none of your words: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RulesDialog</name>
    <message>
        <source>Rules</source>
        <translation>Règles</translation>
    </message>
    <message>
        <source>The list hides the tasks that break any of these rules; “Show hidden tasks” brings them back. Leave a rule empty to let every task through it.</source>
        <translation>La liste masque les tâches qui enfreignent l’une de ces règles&#xa0;; «&#xa0;Afficher les tâches masquées&#xa0;» les fait revenir. Laissez une règle vide pour que toutes les tâches la passent.</translation>
    </message>
    <message>
        <source>You are told about a new task only when it passes every one of these rules.</source>
        <translation>Vous n’êtes averti d’une nouvelle tâche que si elle respecte toutes ces règles.</translation>
    </message>
    <message>
        <source>What the list shows</source>
        <translation>Ce que la liste affiche</translation>
    </message>
    <message>
        <source>What notifies me</source>
        <translation>Ce qui m’alerte</translation>
    </message>
</context>
<context>
    <name>RulesForm</name>
    <message>
        <source>Hide tasks my profile says I cannot take</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Sans limite</translation>
    </message>
    <message>
        <source>No minimum</source>
        <translation>Sans minimum</translation>
    </message>
    <message>
        <source>e.g. survey, diary: a task must mention one of them</source>
        <translation>par ex. sondage, journal&#xa0;: une tâche doit mentionner l’un d’eux</translation>
    </message>
    <message>
        <source>e.g. webcam, download: a task must mention none</source>
        <translation>par ex. webcam, téléchargement&#xa0;: une tâche ne doit en mentionner aucun</translation>
    </message>
    <message>
        <source>One name or id per line; empty for everyone</source>
        <translation>Un nom ou identifiant par ligne&#xa0;; vide pour tout le monde</translation>
    </message>
    <message>
        <source>One name or id per line</source>
        <translation>Un nom ou identifiant par ligne</translation>
    </message>
    <message>
        <source>Desktop</source>
        <translation>Ordinateur</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <source>Tablet</source>
        <translation>Tablette</translation>
    </message>
    <message>
        <source>Minimum reward:</source>
        <translation>Rémunération minimale&#xa0;:</translation>
    </message>
    <message>
        <source>Minimum reward per hour:</source>
        <translation>Rémunération minimale par heure&#xa0;:</translation>
    </message>
    <message>
        <source>Minimum reward</source>
        <translation>Rémunération minimale</translation>
    </message>
    <message>
        <source>Minimum reward per hour</source>
        <translation>Rémunération minimale par heure</translation>
    </message>
    <message>
        <source>Maximum estimated time:</source>
        <translation>Durée estimée maximale&#xa0;:</translation>
    </message>
    <message>
        <source>Minimum places left:</source>
        <translation>Places restantes minimum&#xa0;:</translation>
    </message>
    <message>
        <source>Words to look for:</source>
        <translation>Mots à chercher&#xa0;:</translation>
    </message>
    <message>
        <source>Words to avoid:</source>
        <translation>Mots à éviter&#xa0;:</translation>
    </message>
    <message>
        <source>Only these requesters:</source>
        <translation>Seulement ces demandeurs&#xa0;:</translation>
    </message>
    <message>
        <source>Never these requesters:</source>
        <translation>Jamais ces demandeurs&#xa0;:</translation>
    </message>
    <message>
        <source>Platforms:</source>
        <translation>Plateformes&#xa0;:</translation>
    </message>
    <message>
        <source>Devices I work on:</source>
        <translation>Appareils sur lesquels je travaille&#xa0;:</translation>
    </message>
    <message>
        <source>My profile:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick at least one platform.</source>
        <translation>Cochez au moins une plateforme.</translation>
    </message>
    <message>
        <source>Tick at least one device you work on.</source>
        <translation>Cochez au moins un appareil sur lequel vous travaillez.</translation>
    </message>
</context>
<context>
    <name>Schema</name>
    <message>
        <source>About you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age, gender and where you live decide most survey quotas. Answered once here, they stop the same questions at the start of every survey, and a task you cannot take is marked before you spend time on it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Household</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Many consumer surveys look for households of a certain size, with or without children, or in an income band. Answering in advance avoids being screened out after minutes of unpaid questions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work and education</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Studies on jobs, professions and education screen on these. Keeping them the same everywhere also keeps your answers consistent, which platforms check.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prolific and others say which devices and peripherals a study needs. With yours listed, SurveyDesk marks the studies you could not finish.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As on your ID, e.g. 1990-04-17</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Female</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Male</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Non-binary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Country of residence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two-letter code, e.g. GB, US, DE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region or state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Bavaria, California</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 80331, SW1A 1AA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Languages you speak fluently</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>German</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>French</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Italian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portuguese</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dutch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Polish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turkish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arabic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hindi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Japanese</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marital status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Single</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Living with a partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Married or civil partnership</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Separated or divorced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Widowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People in your household</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yourself included</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Children under 18 in your household</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Household income per year, before tax</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In your own currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Under 15,000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>15,000 to 29,999</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>30,000 to 49,999</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>50,000 to 74,999</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>75,000 to 99,999</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>100,000 to 149,999</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>150,000 or more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I would rather not say</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highest education completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No formal qualification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secondary school</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vocational training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bachelor&apos;s degree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Master&apos;s degree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Doctorate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Employment status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Employed full-time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Employed part-time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Self-employed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Student</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Homemaker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unable to work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Occupation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. nurse, software developer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Industry you work in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agriculture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Construction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Education</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finance and insurance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Government and public administration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health and social care</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hospitality and food</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Information technology</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manufacturing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Media and marketing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transport and logistics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another industry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Devices you can take surveys on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Desktop or laptop computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tablet</source>
        <translation type="unfinished">Tablette</translation>
    </message>
    <message>
        <source>What your computer has or allows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Webcam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speakers or headphones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I may download and install software</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScreenOutHistory</name>
    <message>
        <source>{0} of your {1} attempts on this requester ended screened out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} of your {1} attempts on this platform ended screened out</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShellController</name>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Préférences…</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>Go to the search box</source>
        <translation>Aller à la zone de recherche</translation>
    </message>
    <message>
        <source>Go to the task list</source>
        <translation>Aller à la liste des tâches</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Bienvenue</translation>
    </message>
    <message>
        <source>The demo is starting in a window of its own.</source>
        <translation>La démo démarre dans sa propre fenêtre.</translation>
    </message>
    <message>
        <source>The demo could not be started; see the log file.</source>
        <translation>La démo n’a pas pu démarrer&#xa0;; voir le fichier journal.</translation>
    </message>
    <message>
        <source>The new language is used from the next start of SurveyDesk.</source>
        <translation>La nouvelle langue sera utilisée au prochain démarrage de SurveyDesk.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Commande</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
</context>
<context>
    <name>StatusPanel</name>
    <message>
        <source>Signed out</source>
        <translation>Déconnecté</translation>
    </message>
    <message>
        <source>Asked to slow down</source>
        <translation>Prié de ralentir</translation>
    </message>
    <message>
        <source>Cannot reach it</source>
        <translation>Injoignable</translation>
    </message>
    <message>
        <source>Unreadable reply</source>
        <translation>Réponse illisible</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Checking</source>
        <translation>Vérification</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>Fonctionne</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}&#xa0;: {1}</translation>
    </message>
    <message>
        <source>until {0}</source>
        <translation>jusqu’à {0}</translation>
    </message>
    <message>
        <source>retrying at {0}</source>
        <translation>nouvel essai à {0}</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Vérification…</translation>
    </message>
    <message>
        <source>Waiting for the first check</source>
        <translation>En attente de la première vérification</translation>
    </message>
    <message>
        <source>1 task</source>
        <translation>1 tâche</translation>
    </message>
    <message>
        <source>{0} tasks</source>
        <translation>{0} tâches</translation>
    </message>
    <message>
        <source>checked {0}</source>
        <translation>vérifié à {0}</translation>
    </message>
    <message>
        <source>next check {0}</source>
        <translation>prochaine vérification à {0}</translation>
    </message>
    <message>
        <source>Earnings: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncDialog</name>
    <message>
        <source>Sync between computers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://couch.example.org</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>surveydesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also replicate my profile answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished">Enregistrer</translation>
    </message>
    <message>
        <source>Turn sync off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is replicated between your computers:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>• Earnings log entries and the history of their status, with your notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>• Timed attempts at tasks and your shifts, once they are finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>• Your rules for the task list and for alerts, your alert settings, country and minimum wage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>• Your profile answers, only if you tick the box above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never: platform logins, passwords, or these sync settings themselves.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kept in your keyring; type to change it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last successful sync: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last successful sync: never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the password to test the connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation type="unfinished">Test en cours…</translation>
    </message>
    <message>
        <source>The test failed with an error of ours; see the log file.</source>
        <translation type="unfinished">Le test a échoué à cause d’une erreur de notre part&#xa0;; voir le fichier journal.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished">Enregistré.</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync is off. Nothing on the server was deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keyring</source>
        <translation type="unfinished">Pas de trousseau</translation>
    </message>
    <message>
        <source>{0}

Keep this password for this run of SurveyDesk only? It will not be written anywhere.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message>
        <source>Sync earnings now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ync earnings now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online: earnings sync with the platforms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline: your earnings history is all here; it syncs when the network is back</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncService</name>
    <message>
        <source>Syncing with {0}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync failed (internal error; see the log file); next try at {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync stopped: {0}. Check the settings in File ▸ Sync between computers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync is waiting for its password: enter it in File ▸ Sync between computers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync cannot read its password: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline ({0}): {1} changes wait; trying again at {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sync server is busy: {0} changes wait; trying again at {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync failed: {0}; trying again at {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync is off (File ▸ Sync between computers… to keep your log on several computers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synced at {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · {0} changes wait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · {0} records on the server could not be read (see the log file)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TakeFlow</name>
    <message>
        <source>“{0}” can no longer be taken here: its account was removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taking “{0}”…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not take “{0}”: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not take “{0}”: an error of ours; see the log file.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskDetails</name>
    <message>
        <source>Task description</source>
        <translation>Description de la tâche</translation>
    </message>
    <message>
        <source>Open task page</source>
        <translation>Ouvrir la page de la tâche</translation>
    </message>
    <message>
        <source>Start timer</source>
        <translation>Lancer le chrono</translation>
    </message>
    <message>
        <source>Measure the time you spend on this task (Ctrl+Return)</source>
        <translation>Mesurer le temps passé sur cette tâche (Ctrl+Entrée)</translation>
    </message>
    <message>
        <source>Take</source>
        <translation>Prendre</translation>
    </message>
    <message>
        <source>Take this task on its platform, open it and start its timer (Ctrl+T)</source>
        <translation>Prendre cette tâche sur sa plateforme, l’ouvrir et lancer son chrono (Ctrl+T)</translation>
    </message>
    <message>
        <source>Requester:</source>
        <translation>Demandeur&#xa0;:</translation>
    </message>
    <message>
        <source>Pay:</source>
        <translation>Rémunération&#xa0;:</translation>
    </message>
    <message>
        <source>Time:</source>
        <translation>Durée&#xa0;:</translation>
    </message>
    <message>
        <source>Devices:</source>
        <translation>Appareils&#xa0;:</translation>
    </message>
    <message>
        <source>Select a task to see its details.</source>
        <translation>Sélectionnez une tâche pour voir ses détails.</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>any</source>
        <translation>tous</translation>
    </message>
    <message>
        <source>about {0} min</source>
        <translation>environ {0} min</translation>
    </message>
    <message>
        <source>{0} min allowed</source>
        <translation>{0} min accordées</translation>
    </message>
    <message>
        <source>{0} places left</source>
        <translation>{0} places restantes</translation>
    </message>
    <message>
        <source>first seen {0}</source>
        <translation>vue pour la première fois à {0}</translation>
    </message>
</context>
<context>
    <name>TaskTableModel</name>
    <message>
        <source>Platform</source>
        <translation type="unfinished">Plateforme</translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requester</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reward/h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Places</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✗ cannot take</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ screen-outs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>some screen-outs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your profile says you cannot take it: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Timekeeper</name>
    <message>
        <source>Say first whether the time while SurveyDesk was closed counts as work.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{0}” has already ended.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimerStrip</name>
    <message>
        <source>Submitted</source>
        <translation>Envoyé</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Rendu</translation>
    </message>
    <message>
        <source>Screened out</source>
        <translation>Non qualifié</translation>
    </message>
    <message>
        <source>Timed out</source>
        <translation>Temps dépassé</translation>
    </message>
    <message>
        <source>Abandoned</source>
        <translation>Abandonné</translation>
    </message>
    <message>
        <source>Task being timed</source>
        <translation>Tâche chronométrée</translation>
    </message>
    <message>
        <source>Not clocked in</source>
        <translation>Aucune session en cours</translation>
    </message>
    <message>
        <source>Clock in</source>
        <translation>Commencer la session</translation>
    </message>
    <message>
        <source> (paused)</source>
        <translation> (en pause)</translation>
    </message>
    <message>
        <source>Shift {0}{1}</source>
        <translation>Session {0}{1}</translation>
    </message>
    <message>
        <source>Clock out</source>
        <translation>Terminer la session</translation>
    </message>
    <message>
        <source>Resume shift</source>
        <translation>Reprendre la session</translation>
    </message>
    <message>
        <source>No task in progress: start one from the list or by hand.</source>
        <translation>Aucune tâche en cours&#xa0;: lancez-en une depuis la liste ou à la main.</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <source>worked {0}</source>
        <translation>travaillé {0}</translation>
    </message>
    <message>
        <source> · promised {0}</source>
        <translation> · promis {0}</translation>
    </message>
    <message>
        <source> · {0} so far</source>
        <translation> · {0} jusqu’ici</translation>
    </message>
    <message>
        <source>{0} left</source>
        <translation>reste {0}</translation>
    </message>
    <message>
        <source>Time is up for “{0}”.</source>
        <translation>Le temps est écoulé pour «&#xa0;{0}&#xa0;».</translation>
    </message>
    <message>
        <source>2 minutes left for “{0}”.</source>
        <translation>Plus que 2 minutes pour «&#xa0;{0}&#xa0;».</translation>
    </message>
    <message>
        <source>80% of the time allowed for “{0}” has gone.</source>
        <translation>80&#xa0;% du temps accordé pour «&#xa0;{0}&#xa0;» est écoulé.</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>SurveyDesk — 1 new matching task</source>
        <translation>SurveyDesk — 1 nouvelle tâche qui vous correspond</translation>
    </message>
    <message>
        <source>SurveyDesk — {0} new matching tasks</source>
        <translation>SurveyDesk — {0} nouvelles tâches qui vous correspondent</translation>
    </message>
    <message>
        <source>Take: {0}</source>
        <translation>Prendre&#xa0;: {0}</translation>
    </message>
    <message>
        <source>No matching task right now</source>
        <translation>Aucune tâche qui vous corresponde pour le moment</translation>
    </message>
    <message>
        <source>Resume checking</source>
        <translation>Reprendre les vérifications</translation>
    </message>
    <message>
        <source>Pause checking</source>
        <translation>Suspendre les vérifications</translation>
    </message>
    <message>
        <source>Open SurveyDesk</source>
        <translation>Ouvrir SurveyDesk</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
</context>
<context>
    <name>UnpaidChart</name>
    <message>
        <source>Unpaid share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hours that paid nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Earnings not yet paid out</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WageChart</name>
    <message>
        <source>Task wage and true wage per hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task wage</source>
        <translation type="unfinished">Salaire par tâche</translation>
    </message>
    <message>
        <source>True wage</source>
        <translation type="unfinished">Salaire réel</translation>
    </message>
    <message>
        <source>{0} per hour</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WagesPanel</name>
    <message>
        <source>Searching</source>
        <translation>Recherche</translation>
    </message>
    <message>
        <source>Screened out</source>
        <translation>Non qualifié</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Rendu</translation>
    </message>
    <message>
        <source>Timed out</source>
        <translation>Temps dépassé</translation>
    </message>
    <message>
        <source>Abandoned</source>
        <translation>Abandonné</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Refusé</translation>
    </message>
    <message>
        <source>Working out your wages…</source>
        <translation>Calcul de vos gains…</translation>
    </message>
    <message>
        <source>No finished tasks yet: the figures appear when you end your first task.</source>
        <translation>Aucune tâche terminée pour l’instant&#xa0;: les chiffres apparaissent quand vous terminez votre première tâche.</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd’hui</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Cette semaine</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Ce mois-ci</translation>
    </message>
    <message>
        <source>This month by platform</source>
        <translation>Ce mois-ci par plateforme</translation>
    </message>
    <message>
        <source>This month by requester</source>
        <translation>Ce mois-ci par demandeur</translation>
    </message>
    <message>
        <source>Unknown requester</source>
        <translation>Demandeur inconnu</translation>
    </message>
    <message>
        <source>Nothing worked yet.</source>
        <translation>Aucun travail pour l’instant.</translation>
    </message>
    <message>
        <source>{0} task · {1} true</source>
        <translation>{0} par tâche · {1} réel</translation>
    </message>
    <message>
        <source>Nothing paid for these hours.</source>
        <translation>Rien de payé pour ces heures.</translation>
    </message>
    <message>
        <source>True wage: below the minimum wage of {0}</source>
        <translation>Salaire réel&#xa0;: sous le salaire minimum de {0}</translation>
    </message>
    <message>
        <source>Hours worked: {0}</source>
        <translation>Heures travaillées&#xa0;: {0}</translation>
    </message>
    <message>
        <source>Minimum wage: —</source>
        <translation>Salaire minimum&#xa0;: —</translation>
    </message>
    <message>
        <source>Task wage</source>
        <translation>Salaire par tâche</translation>
    </message>
    <message>
        <source>True wage</source>
        <translation>Salaire réel</translation>
    </message>
    <message>
        <source>{0}: —</source>
        <translation>{0}&#xa0;: —</translation>
    </message>
    <message>
        <source>{0}: below the minimum wage of {1}</source>
        <translation>{0}&#xa0;: sous le salaire minimum de {1}</translation>
    </message>
    <message>
        <source>{0}: above the minimum wage of {1}</source>
        <translation>{0}&#xa0;: au-dessus du salaire minimum de {1}</translation>
    </message>
    <message>
        <source>{0}: at the minimum wage of {1}</source>
        <translation>{0}&#xa0;: au salaire minimum de {1}</translation>
    </message>
    <message>
        <source>Unpaid: {0} ({1})</source>
        <translation>Non payé&#xa0;: {0} ({1})</translation>
    </message>
    <message>
        <source>Unpaid: {0}</source>
        <translation>Non payé&#xa0;: {0}</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Temps</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Payé</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to SurveyDesk</source>
        <translation>Bienvenue dans SurveyDesk</translation>
    </message>
    <message>
        <source>SurveyDesk gathers the paid tasks of {0} into one list and alerts you to the ones worth taking. It times your work, including the unpaid minutes around it, to show what you really earn per hour, and keeps an earnings log on this computer.</source>
        <translation>SurveyDesk rassemble dans une seule liste les tâches rémunérées de {0}, et vous signale celles qui valent la peine. Il chronomètre votre travail, minutes non payées comprises, pour montrer ce que vous gagnez vraiment par heure, et tient un journal de vos gains sur cet ordinateur.</translation>
    </message>
    <message>
        <source>Try the &amp;demo</source>
        <translation>Essayer la &amp;démo</translation>
    </message>
    <message>
        <source>Opens SurveyDesk on a simulated market in a window of its own; your data is not touched</source>
        <translation>Ouvre SurveyDesk sur un marché simulé, dans sa propre fenêtre&#xa0;; vos données ne sont pas touchées</translation>
    </message>
    <message>
        <source>&amp;Add an account…</source>
        <translation>&amp;Ajouter un compte…</translation>
    </message>
    <message>
        <source>Connect SurveyDesk to your account on a platform</source>
        <translation>Relier SurveyDesk à votre compte sur une plateforme</translation>
    </message>
</context>
<context>
    <name>_Row</name>
    <message>
        <source>Reconnect…</source>
        <translation>Se reconnecter…</translation>
    </message>
</context>
</TS>
