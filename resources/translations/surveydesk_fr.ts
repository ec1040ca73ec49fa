<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>AccountClient</name>
    <message>
        <source>transaction id</source>
        <translation>identifiant de transaction</translation>
    </message>
    <message>
        <source>time</source>
        <translation>heure</translation>
    </message>
    <message>
        <source>survey id</source>
        <translation>identifiant d’enquête</translation>
    </message>
    <message>
        <source>assignment id</source>
        <translation>identifiant d’affectation</translation>
    </message>
    <message>
        <source>HIT id</source>
        <translation>identifiant de HIT</translation>
    </message>
    <message>
        <source>datetime</source>
        <translation>date et heure</translation>
    </message>
    <message>
        <source>end date</source>
        <translation>date de fin</translation>
    </message>
    <message>
        <source>id</source>
        <translation>identifiant</translation>
    </message>
    <message>
        <source>payout time</source>
        <translation>date de paiement</translation>
    </message>
    <message>
        <source>start date</source>
        <translation>date de début</translation>
    </message>
    <message>
        <source>study id</source>
        <translation>identifiant d’étude</translation>
    </message>
    <message>
        <source>submission id</source>
        <translation>identifiant de soumission</translation>
    </message>
    <message>
        <source>{0} refused the login; sign in again</source>
        <translation>{0} a refusé la connexion&#xa0;; reconnectez-vous</translation>
    </message>
    <message>
        <source>{0} is having trouble (HTTP {1}); syncing again later</source>
        <translation>{0} rencontre des difficultés (HTTP {1})&#xa0;; nouvelle synchronisation plus tard</translation>
    </message>
    <message>
        <source>a record has an amount of the wrong type: {0}</source>
        <translation>un enregistrement a un montant du mauvais type&#xa0;: {0}</translation>
    </message>
    <message>
        <source>a record has an amount without a number</source>
        <translation>un enregistrement a un montant sans nombre</translation>
    </message>
    <message>
        <source>a record has no readable {0}: {1}</source>
        <translation>un enregistrement n’a pas de champ «&#xa0;{0}&#xa0;» lisible&#xa0;: {1}</translation>
    </message>
</context>
<context>
    <name>AccountsDialog</name>
    <message>
        <source>Signing in lets SurveyDesk see the tasks {0} offers you and your earnings there. It never takes a task without your click, and your sign-in stays on this computer, never shared with another.</source>
        <translation>Vous connecter permet à SurveyDesk de voir les tâches que {0} vous propose et vos gains sur ce site. Il ne prend jamais une tâche sans votre clic, et votre connexion reste sur cet ordinateur, jamais partagée avec un autre.</translation>
    </message>
    <message>
        <source>Paste the address of the {0} survey page of the rewards site you earn on. SurveyDesk reads your member number from it to list your surveys; it never takes a survey without your click.</source>
        <translation>Collez l’adresse de la page des sondages {0} du site de récompenses où vous gagnez. SurveyDesk y lit votre numéro de membre pour lister vos sondages&#xa0;; il ne prend jamais un sondage sans votre clic.</translation>
    </message>
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
        <source>Sign in…</source>
        <translation>Se connecter…</translation>
    </message>
    <message>
        <source>Survey wall link</source>
        <translation>Lien du mur de sondages</translation>
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
        <source>Paste the survey wall&apos;s link first.</source>
        <translation>Collez d’abord le lien du mur de sondages.</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>Connectez-vous d’abord.</translation>
    </message>
    <message>
        <source>Signing in… (a window opened)</source>
        <translation>Connexion en cours… (une fenêtre s’est ouverte)</translation>
    </message>
    <message>
        <source>The sign-in window is already open.</source>
        <translation>La fenêtre de connexion est déjà ouverte.</translation>
    </message>
    <message>
        <source>Connection:</source>
        <translation>Connexion&#xa0;:</translation>
    </message>
    <message>
        <source>Survey wall link:</source>
        <translation>Lien du mur de sondages&#xa0;:</translation>
    </message>
    <message>
        <source>SurveyDesk cannot connect {0} yet.</source>
        <translation>SurveyDesk ne sait pas encore se connecter à {0}.</translation>
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
        <source>SurveyDesk cannot use these settings: {0}</source>
        <translation>SurveyDesk ne peut pas utiliser ces réglages&#xa0;: {0}</translation>
    </message>
    <message>
        <source>{0}&apos;s page did not give SurveyDesk what it needs; please sign in again.</source>
        <translation>La page de {0} n’a pas donné à SurveyDesk ce dont il a besoin&#xa0;; veuillez vous reconnecter.</translation>
    </message>
    <message>
        <source>Signed in. Testing…</source>
        <translation>Connexion réussie. Vérification…</translation>
    </message>
    <message>
        <source>The sign-in window was closed before you were signed in; your account is as it was.</source>
        <translation>La fenêtre de connexion a été fermée avant que vous soyez connectée&#xa0;; votre compte est resté tel quel.</translation>
    </message>
    <message>
        <source>Your computer&apos;s keyring did not let SurveyDesk keep your sign-in; your account is as it was. Unlock the keyring, then sign in again.</source>
        <translation>Le trousseau de votre ordinateur n’a pas laissé SurveyDesk garder votre connexion&#xa0;; votre compte est resté tel quel. Déverrouillez le trousseau, puis reconnectez-vous.</translation>
    </message>
    <message>
        <source>The sign-in window stopped unexpectedly; your account is as it was. Please sign in again.</source>
        <translation>La fenêtre de connexion s’est arrêtée de façon inattendue&#xa0;; votre compte est resté tel quel. Veuillez vous reconnecter.</translation>
    </message>
    <message>
        <source>Signed in.</source>
        <translation>Compte connecté.</translation>
    </message>
    <message>
        <source>Not signed in yet.</source>
        <translation>Compte pas encore connecté.</translation>
    </message>
    <message>
        <source>Sign in again…</source>
        <translation>Se reconnecter…</translation>
    </message>
    <message>
        <source>The test failed with an error of ours; see the log file.</source>
        <translation>Le test a échoué à cause d’une erreur de notre part&#xa0;; voir le fichier journal.</translation>
    </message>
</context>
<context>
    <name>Alert</name>
    <message>
        <source>{0} min</source>
        <translation>{0} min</translation>
    </message>
    <message>
        <source>{0} — {1} ({2})</source>
        <translation>{0} — {1} ({2})</translation>
    </message>
    <message>
        <source>New task</source>
        <translation>Nouvelle tâche</translation>
    </message>
    <message>
        <source>and {0} more</source>
        <translation>et {0} de plus</translation>
    </message>
    <message>
        <source>{0} new tasks</source>
        <translation>{0} nouvelles tâches</translation>
    </message>
</context>
<context>
    <name>AlertHealth</name>
    <message>
        <source>No alerts are coming: checking is paused. Resume it from the tray&apos;s menu.</source>
        <translation>Aucune alerte ne peut arriver : les vérifications sont suspendues. Reprenez-les depuis le menu de SurveyDesk dans la zone de notification.</translation>
    </message>
    <message>
        <source>No alerts are coming: every account is signed out. Sign in again under Accounts.</source>
        <translation>Aucune alerte ne peut arriver : tous les comptes sont déconnectés. Reconnectez-vous dans Comptes.</translation>
    </message>
    <message>
        <source>No alerts are coming: no platform could be checked for a while. The list&apos;s panel says why.</source>
        <translation>Aucune alerte ne peut arriver : aucune plateforme n’a pu être vérifiée depuis un moment. Le panneau de la liste dit pourquoi.</translation>
    </message>
    <message>
        <source>Alerts on this computer&apos;s screen are failing: the desktop&apos;s notification service does not answer. Logging out and in again usually puts it right.</source>
        <translation>Les alertes sur l’écran de cet ordinateur ne passent pas : le service de notifications du bureau ne répond pas. Fermer la session puis la rouvrir règle le plus souvent le problème.</translation>
    </message>
    <message>
        <source>Alerts on this computer&apos;s screen are failing: the desktop&apos;s notification service refuses them.</source>
        <translation>Les alertes sur l’écran de cet ordinateur ne passent pas : le service de notifications du bureau les refuse.</translation>
    </message>
    <message>
        <source>The alerts&apos; sound is failing: this computer has no sound device SurveyDesk can play on. Plug in speakers or headphones, or turn the sound on in the system&apos;s settings.</source>
        <translation>Le son des alertes ne passe pas&#xa0;: cet ordinateur n’a aucune sortie son où SurveyDesk puisse le jouer. Branchez des haut-parleurs ou un casque, ou activez le son dans les paramètres du système.</translation>
    </message>
    <message>
        <source>The alerts&apos; sound is failing: the sound device “{0}” could not play it.</source>
        <translation>Le son des alertes ne passe pas&#xa0;: la sortie son «&#xa0;{0}&#xa0;» n’a pas pu le jouer.</translation>
    </message>
    <message>
        <source>Alerts on your phone are failing: {0}</source>
        <translation>Les alertes sur votre téléphone ne passent pas : {0}</translation>
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
        <source>Send a test alert</source>
        <translation>Envoyer une alerte d’essai</translation>
    </message>
    <message>
        <source>Play the sound</source>
        <translation>Jouer le son</translation>
    </message>
    <message>
        <source>Alerts a minute, at most:</source>
        <translation>Alertes par minute, au plus&#xa0;:</translation>
    </message>
    <message>
        <source>On this computer</source>
        <translation>Sur cet ordinateur</translation>
    </message>
    <message>
        <source>On my phone</source>
        <translation>Sur mon téléphone</translation>
    </message>
    <message>
        <source>Sending a test alert…</source>
        <translation>Envoi d’une alerte d’essai…</translation>
    </message>
    <message>
        <source>Playing the sound…</source>
        <translation>Lecture du son…</translation>
    </message>
</context>
<context>
    <name>AnswerInput</name>
    <message>
        <source>— no answer —</source>
        <translation>— pas de réponse —</translation>
    </message>
</context>
<context>
    <name>BitLabsClicks</name>
    <message>
        <source>this survey&apos;s link is not one SurveyDesk can follow; open it in your browser</source>
        <translation>SurveyDesk ne sait pas suivre le lien de cette enquête&#xa0;; ouvrez-le dans votre navigateur</translation>
    </message>
    <message>
        <source>BitLabs did not say which click it opened</source>
        <translation>BitLabs n’a pas indiqué quel clic il a ouvert</translation>
    </message>
    <message>
        <source>the click id holds characters no address can carry</source>
        <translation>l’identifiant de clic contient des caractères qu’aucune adresse ne peut porter</translation>
    </message>
    <message>
        <source>BitLabs refused: {0}</source>
        <translation>BitLabs a refusé&#xa0;: {0}</translation>
    </message>
    <message>
        <source>BitLabs&apos; answer holds no next step</source>
        <translation>La réponse de BitLabs n’indique aucune étape suivante</translation>
    </message>
    <message>
        <source>BitLabs sent neither a question nor a web address to go on to</source>
        <translation>BitLabs n’a envoyé ni question ni adresse web où continuer</translation>
    </message>
    <message>
        <source>a profiler question is not an object</source>
        <translation>une question de profil n’est pas un objet</translation>
    </message>
    <message>
        <source>a profiler question has an unreadable id: {0}</source>
        <translation>une question de profil a un identifiant illisible&#xa0;: {0}</translation>
    </message>
    <message>
        <source>a profiler question has an unknown type: {0}</source>
        <translation>une question de profil a un type inconnu&#xa0;: {0}</translation>
    </message>
    <message>
        <source>a profiler question has no text</source>
        <translation>une question de profil n’a pas de texte</translation>
    </message>
    <message>
        <source>a profiler question offers no readable answers</source>
        <translation>une question de profil ne propose aucune réponse lisible</translation>
    </message>
    <message>
        <source>an answer of a profiler question is unreadable</source>
        <translation>une réponse d’une question de profil est illisible</translation>
    </message>
</context>
<context>
    <name>BitLabsConnector</name>
    <message>
        <source>BitLabs gave no web link for this survey</source>
        <translation>BitLabs n’a donné aucun lien web pour cette enquête</translation>
    </message>
    <message>
        <source>BitLabs&apos; answer has no list of surveys</source>
        <translation>La réponse de BitLabs ne contient pas de liste d’enquêtes</translation>
    </message>
    <message>
        <source>a survey in BitLabs&apos; list is not an object</source>
        <translation>une enquête de la liste de BitLabs n’est pas un objet</translation>
    </message>
    <message>
        <source>BitLabs is not fully connected: connect it again with your survey wall link</source>
        <translation>BitLabs n’est pas entièrement connecté&#xa0;: connectez-le à nouveau avec le lien de votre mur de sondages</translation>
    </message>
    <message>
        <source>BitLabs did not accept your survey wall link: connect it again with a fresh copy of it</source>
        <translation>BitLabs n’a pas accepté le lien de votre mur de sondages&#xa0;: connectez-le à nouveau avec une nouvelle copie du lien</translation>
    </message>
    <message>
        <source>BitLabs will not list surveys for this user: {0}</source>
        <translation>BitLabs refuse de lister des enquêtes pour cet utilisateur&#xa0;: {0}</translation>
    </message>
    <message>
        <source>BitLabs will not list surveys for this user: no reason given (HTTP 406)</source>
        <translation>BitLabs refuse de lister des enquêtes pour cet utilisateur&#xa0;: sans raison donnée (HTTP 406)</translation>
    </message>
    <message>
        <source>BitLabs&apos; answer has no data</source>
        <translation>La réponse de BitLabs ne contient pas de données</translation>
    </message>
    <message>
        <source>a survey in BitLabs&apos; list has no id</source>
        <translation>une enquête de la liste de BitLabs n’a pas d’identifiant</translation>
    </message>
    <message>
        <source>survey {0} has no {1}</source>
        <translation>l’enquête {0} n’a pas de champ «&#xa0;{1}&#xa0;»</translation>
    </message>
    <message>
        <source>survey {0} has a {1} of the wrong type: {2}</source>
        <translation>l’enquête {0} a un champ «&#xa0;{1}&#xa0;» du mauvais type&#xa0;: {2}</translation>
    </message>
    <message>
        <source>survey {0} has an unreadable {1}: {2}</source>
        <translation>l’enquête {0} a un champ «&#xa0;{1}&#xa0;» illisible&#xa0;: {2}</translation>
    </message>
</context>
<context>
    <name>BitLabsEarnings</name>
    <message>
        <source>BitLabs will not show this user&apos;s history: {0}</source>
        <translation>BitLabs refuse de montrer l’historique de cet utilisateur&#xa0;: {0}</translation>
    </message>
    <message>
        <source>BitLabs will not show this user&apos;s history: no reason given (HTTP 406)</source>
        <translation>BitLabs refuse de montrer l’historique de cet utilisateur&#xa0;: sans raison donnée (HTTP 406)</translation>
    </message>
    <message>
        <source>BitLabs&apos; answer holds no history</source>
        <translation>La réponse de BitLabs ne contient pas d’historique</translation>
    </message>
    <message>
        <source>BitLabs&apos; history holds more than {0} events</source>
        <translation>L’historique de BitLabs contient plus de {0} événements</translation>
    </message>
    <message>
        <source>an event of BitLabs&apos; history is not an object</source>
        <translation>un événement de l’historique de BitLabs n’est pas un objet</translation>
    </message>
    <message>
        <source>BitLabs survey</source>
        <translation>Enquête BitLabs</translation>
    </message>
    <message>
        <source>BitLabs survey · {0}</source>
        <translation>Enquête BitLabs · {0}</translation>
    </message>
    <message>
        <source>Taken back: {0}</source>
        <translation>Repris&#xa0;: {0}</translation>
    </message>
    <message>
        <source>BitLabs&apos; form to claim a missing reward: {0}</source>
        <translation>Formulaire BitLabs pour réclamer une récompense manquante&#xa0;: {0}</translation>
    </message>
</context>
<context>
    <name>CPXConnector</name>
    <message>
        <source>CPX Research gave no web link for this survey</source>
        <translation>CPX Research n’a donné aucun lien web pour cette enquête</translation>
    </message>
    <message>
        <source>CPX Research allows one refresh every 120 s; checking again in {0} s</source>
        <translation>CPX Research autorise une actualisation toutes les 120 s&#xa0;; nouvelle vérification dans {0} s</translation>
    </message>
    <message>
        <source>the account&apos;s currency &quot;{0}&quot; is not an ISO 4217 code such as USD</source>
        <translation>la devise du compte «&#xa0;{0}&#xa0;» n’est pas un code ISO 4217 tel que USD</translation>
    </message>
    <message>
        <source>CPX Research is not fully connected: connect it again with your survey wall link</source>
        <translation>CPX Research n’est pas entièrement connecté&#xa0;: connectez-le à nouveau avec le lien de votre mur de sondages</translation>
    </message>
    <message>
        <source>CPX Research did not accept your survey wall link: connect it again with a fresh copy of it</source>
        <translation>CPX Research n’a pas accepté le lien de votre mur de sondages&#xa0;: connectez-le à nouveau avec une nouvelle copie du lien</translation>
    </message>
    <message>
        <source>CPX Research answered with an unknown status: {0}</source>
        <translation>CPX Research a répondu avec un statut inconnu&#xa0;: {0}</translation>
    </message>
    <message>
        <source>CPX Research&apos;s answer has no list of surveys</source>
        <translation>La réponse de CPX Research ne contient pas de liste d’enquêtes</translation>
    </message>
    <message>
        <source>a survey in CPX Research&apos;s list is not an object</source>
        <translation>une enquête de la liste de CPX Research n’est pas un objet</translation>
    </message>
    <message>
        <source>a survey in CPX Research&apos;s list has no id</source>
        <translation>une enquête de la liste de CPX Research n’a pas d’identifiant</translation>
    </message>
    <message>
        <source>survey {0} has no payout</source>
        <translation>l’enquête {0} n’a pas de rémunération</translation>
    </message>
    <message>
        <source>survey {0} has a payout of the wrong type: {1}</source>
        <translation>l’enquête {0} a une rémunération du mauvais type&#xa0;: {1}</translation>
    </message>
    <message>
        <source>survey {0} has an unreadable payout: {1}; is the account&apos;s currency the one the app pays in?</source>
        <translation>l’enquête {0} a une rémunération illisible&#xa0;: {1}&#xa0;; la devise du compte est-elle celle dans laquelle l’application paie&#xa0;?</translation>
    </message>
</context>
<context>
    <name>CPXEarnings</name>
    <message>
        <source>the account&apos;s currency is not an ISO 4217 code such as USD</source>
        <translation>la devise du compte n’est pas un code ISO 4217 tel que USD</translation>
    </message>
    <message>
        <source>CPX Research asks for patience: {0}</source>
        <translation>CPX Research demande de patienter&#xa0;: {0}</translation>
    </message>
    <message>
        <source>CPX Research answered with an unknown status: {0}</source>
        <translation>CPX Research a répondu avec un statut inconnu&#xa0;: {0}</translation>
    </message>
    <message>
        <source>CPX Research&apos;s transactions are not a list</source>
        <translation>Les transactions de CPX Research ne sont pas une liste</translation>
    </message>
    <message>
        <source>CPX Research sent more than {0} transactions</source>
        <translation>CPX Research a envoyé plus de {0} transactions</translation>
    </message>
    <message>
        <source>a transaction of CPX Research is not an object</source>
        <translation>une transaction de CPX Research n’est pas un objet</translation>
    </message>
    <message>
        <source>CPX survey</source>
        <translation>Enquête CPX</translation>
    </message>
    <message>
        <source>CPX screen-out</source>
        <translation>Enquête CPX non qualifiée</translation>
    </message>
    <message>
        <source>CPX bonus</source>
        <translation>Bonus CPX</translation>
    </message>
</context>
<context>
    <name>ClaimMessage</name>
    <message>
        <source>My submission to “{0}” was rejected. I completed it in full and in good faith. Could you review it again, and approve it or tell me what was wrong?</source>
        <translation>Ma participation à «&#xa0;{0}&#xa0;» a été refusée. Je l’ai faite en entier et de bonne foi. Pourriez-vous la revoir, puis l’approuver ou me dire ce qui n’allait pas&#xa0;?</translation>
    </message>
    <message>
        <source>My submission to “{0}” is still waiting for review, longer than usual. Could you review it, please?</source>
        <translation>Ma participation à «&#xa0;{0}&#xa0;» attend toujours d’être vérifiée, plus longtemps que d’habitude. Pourriez-vous la vérifier, s’il vous plaît&#xa0;?</translation>
    </message>
    <message>
        <source>I worked on “{0}” for a long time before it ended without payment (screened out or stopped). Could you pay me for the time I spent?</source>
        <translation>J’ai travaillé longtemps sur «&#xa0;{0}&#xa0;» avant qu’elle ne s’arrête sans paiement (écartée ou interrompue). Pourriez-vous me payer le temps passé&#xa0;?</translation>
    </message>
    <message>
        <source>“{0}” took me much longer than its estimate. Could you compensate the extra time with a bonus?</source>
        <translation>«&#xa0;{0}&#xa0;» m’a pris bien plus de temps que prévu. Pourriez-vous compenser ce temps en plus par un bonus&#xa0;?</translation>
    </message>
    <message>
        <source>Hello,</source>
        <translation>Bonjour,</translation>
    </message>
    <message>
        <source>Thank you.</source>
        <translation>Merci.</translation>
    </message>
    <message>
        <source>What I recorded:</source>
        <translation>Ce que j’ai noté&#xa0;:</translation>
    </message>
    <message>
        <source>Submission: {0}</source>
        <translation>Participation&#xa0;: {0}</translation>
    </message>
    <message>
        <source>Completion code: {0}</source>
        <translation>Code de fin d’étude&#xa0;: {0}</translation>
    </message>
    <message>
        <source>Started: {0}</source>
        <translation>Commencée&#xa0;: {0}</translation>
    </message>
    <message>
        <source>Submitted: {0}</source>
        <translation>Envoyée&#xa0;: {0}</translation>
    </message>
    <message>
        <source>Time I spent, by my timer: {0}</source>
        <translation>Temps passé, selon mon minuteur&#xa0;: {0}</translation>
    </message>
    <message>
        <source>Time I spent, as the platform counted it: {0}</source>
        <translation>Temps passé, selon la plateforme&#xa0;: {0}</translation>
    </message>
    <message>
        <source>Estimated time: {0}</source>
        <translation>Durée annoncée&#xa0;: {0}</translation>
    </message>
    <message>
        <source>Reward: {0}</source>
        <translation>Récompense&#xa0;: {0}</translation>
    </message>
    <message>
        <source>{0} min</source>
        <translation>{0}&#xa0;min</translation>
    </message>
</context>
<context>
    <name>ClaimsPanel</name>
    <message>
        <source>Rejected: {0} not paid</source>
        <translation>Refusé&#xa0;: {0} non payés</translation>
    </message>
    <message>
        <source>Not reviewed yet, later than usual: {0}</source>
        <translation>Pas encore vérifié, plus tard que d’habitude&#xa0;: {0}</translation>
    </message>
    <message>
        <source>Screened out or stopped after {1}: unpaid</source>
        <translation>Écartée ou arrêtée après {1}&#xa0;: non payée</translation>
    </message>
    <message>
        <source>Took {1}, for an estimate of {2}</source>
        <translation>A pris {1}, pour {2} annoncées</translation>
    </message>
    <message>
        <source>Rejected, not paid</source>
        <translation>Refusé, non payé</translation>
    </message>
    <message>
        <source>to claim</source>
        <translation>à réclamer</translation>
    </message>
    <message>
        <source>paid</source>
        <translation>payé</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>refusé</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>pas de réponse</translation>
    </message>
    <message>
        <source>{0} ({1})</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <source>Claims</source>
        <translation>Réclamations</translation>
    </message>
    <message>
        <source>Nothing seems owed to you: no claim to make.</source>
        <translation>Rien ne semble vous être dû&#xa0;: aucune réclamation à faire.</translation>
    </message>
    <message>
        <source>Open the platform&apos;s form</source>
        <translation>Ouvrir le formulaire de la plateforme</translation>
    </message>
    <message>
        <source>Message to send, in English</source>
        <translation>Message à envoyer, en anglais</translation>
    </message>
    <message>
        <source>To send, in English</source>
        <translation>À envoyer, en anglais</translation>
    </message>
    <message>
        <source>The same message in your language</source>
        <translation>Le même message dans votre langue</translation>
    </message>
    <message>
        <source>In your language, to read</source>
        <translation>En français, pour le lire</translation>
    </message>
    <message>
        <source>Copy the message</source>
        <translation>Copier le message</translation>
    </message>
    <message>
        <source>I sent it</source>
        <translation>Je l’ai envoyée</translation>
    </message>
    <message>
        <source>How the claim ended</source>
        <translation>Comment la réclamation s’est terminée</translation>
    </message>
    <message>
        <source>Where it stands: {0}</source>
        <translation>Où elle en est&#xa0;: {0}</translation>
    </message>
    <message>
        <source>Deadline to claim: unknown.</source>
        <translation>Date limite pour réclamer&#xa0;: inconnue.</translation>
    </message>
    <message>
        <source>How to claim on {0}: unknown.</source>
        <translation>Comment réclamer sur {0}&#xa0;: inconnu.</translation>
    </message>
    <message>
        <source>The platform paid it on {0}.</source>
        <translation>La plateforme l’a payée le {0}.</translation>
    </message>
    <message>
        <source>You sent it on {0}.</source>
        <translation>Vous l’avez envoyée le {0}.</translation>
    </message>
    <message>
        <source>Deadline to contest the rejection: {0}.</source>
        <translation>Date limite pour contester le refus&#xa0;: {0}.</translation>
    </message>
    <message>
        <source>{0} gave a form to claim it: {1}</source>
        <translation>{0} donne un formulaire pour la réclamer&#xa0;: {1}</translation>
    </message>
</context>
<context>
    <name>CompletionCodeError</name>
    <message>
        <source>A completion code is one word: paste the code alone.</source>
        <translation>Un code de fin d’étude est un seul mot&#xa0;: collez le code seul.</translation>
    </message>
    <message>
        <source>A completion code has at most {0} characters.</source>
        <translation>Un code de fin d’étude a au plus {0}&#xa0;caractères.</translation>
    </message>
    <message>
        <source>This link holds no completion code: paste the code the study showed.</source>
        <translation>Ce lien ne contient pas de code de fin d’étude&#xa0;: collez le code que l’étude a affiché.</translation>
    </message>
</context>
<context>
    <name>Contradiction</name>
    <message>
        <source>{0}: you answered “{1}”, but {2} says “{3}”. Platforms reject participants whose answers disagree.</source>
        <translation>{0}&#xa0;: vous avez répondu «&#xa0;{1}&#xa0;», mais {2} indique «&#xa0;{3}&#xa0;». Les plateformes écartent les participants dont les réponses se contredisent.</translation>
    </message>
    <message>
        <source>your profile</source>
        <translation>votre profil</translation>
    </message>
    <message>
        <source>your date of birth</source>
        <translation>votre date de naissance</translation>
    </message>
    <message>
        <source>your answer on {0}</source>
        <translation>votre réponse sur {0}</translation>
    </message>
</context>
<context>
    <name>Core</name>
    <message>
        <source>Your {0} account “{1}” is not checked: {2}. Correct it in Tasks ▸ Accounts…</source>
        <translation>Votre compte {0} «&#xa0;{1}&#xa0;» n’est pas consulté&#xa0;: {2}. Corrigez-le dans Tâches ▸ Comptes…</translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <source>Correct an entry</source>
        <translation>Corriger une entrée</translation>
    </message>
    <message>
        <source>(keep the status)</source>
        <translation>(garder le statut)</translation>
    </message>
    <message>
        <source>In {0}</source>
        <translation>En {0}</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Statut&#xa0;:</translation>
    </message>
    <message>
        <source>Amount ({0}):</source>
        <translation>Montant ({0})&#xa0;:</translation>
    </message>
    <message>
        <source>Enter the amount as a number such as {0}.</source>
        <translation>Saisissez le montant sous forme de nombre, par exemple {0}.</translation>
    </message>
    <message>
        <source>Nothing to correct: change the status or the amount.</source>
        <translation>Rien à corriger&#xa0;: changez le statut ou le montant.</translation>
    </message>
</context>
<context>
    <name>CouchDatabase</name>
    <message>
        <source>{0} sent a list of changes without its results or position</source>
        <translation>{0} a envoyé une liste de modifications sans ses résultats ni sa position</translation>
    </message>
    <message>
        <source>{0} sent a position in its changes that is far too long</source>
        <translation>{0} a envoyé une position de modifications bien trop longue</translation>
    </message>
    <message>
        <source>{0} answered a revision check in a form we cannot read</source>
        <translation>{0} a répondu à une vérification de révisions sous une forme illisible pour nous</translation>
    </message>
    <message>
        <source>{0} answered a batch of documents in a form we cannot read</source>
        <translation>{0} a répondu à un lot de documents sous une forme illisible pour nous</translation>
    </message>
    <message>
        <source>{0} does not let this user write to the database</source>
        <translation>{0} ne permet pas à cet utilisateur d’écrire dans la base</translation>
    </message>
    <message>
        <source>{0} refused {1} of {2} records ({3})</source>
        <translation>{0} a refusé {1} enregistrements sur {2} ({3})</translation>
    </message>
    <message>
        <source>{0} answered a request for documents in a form we cannot read</source>
        <translation>{0} a répondu à une demande de documents sous une forme illisible pour nous</translation>
    </message>
    <message>
        <source>{0} answered with something that is not a JSON object</source>
        <translation>{0} a répondu par autre chose qu’un objet JSON</translation>
    </message>
    <message>
        <source>{0} refused the user name or password</source>
        <translation>{0} a refusé le nom d’utilisateur ou le mot de passe</translation>
    </message>
    <message>
        <source>{0} does not let this user use the database</source>
        <translation>{0} ne permet pas à cet utilisateur d’utiliser la base</translation>
    </message>
    <message>
        <source>{0} has no such database; create it on the server first</source>
        <translation>{0} n’a pas cette base&#xa0;; créez-la d’abord sur le serveur</translation>
    </message>
    <message>
        <source>{0} does not have something the replication protocol needs</source>
        <translation>{0} ne dispose pas d’un élément dont le protocole de réplication a besoin</translation>
    </message>
    <message>
        <source>{0} is busy and asked us to come back later</source>
        <translation>{0} est occupé et nous demande de revenir plus tard</translation>
    </message>
    <message>
        <source>{0} had a server error ({1})</source>
        <translation>{0} a eu une erreur de serveur ({1})</translation>
    </message>
    <message>
        <source>{0} sent us to another address; enter that address instead</source>
        <translation>{0} nous a renvoyés vers une autre adresse&#xa0;; saisissez plutôt celle-ci</translation>
    </message>
    <message>
        <source>{0} refused the request ({1})</source>
        <translation>{0} a refusé la requête ({1})</translation>
    </message>
    <message>
        <source>{0} sent a change that is not an object</source>
        <translation>{0} a envoyé une modification qui n’est pas un objet</translation>
    </message>
    <message>
        <source>{0} sent a change without its document or revisions</source>
        <translation>{0} a envoyé une modification sans son document ni ses révisions</translation>
    </message>
    <message>
        <source>{0} sent a change with unreadable revisions</source>
        <translation>{0} a envoyé une modification aux révisions illisibles</translation>
    </message>
    <message>
        <source>{0} answered with something that is not JSON</source>
        <translation>{0} a répondu par autre chose que du JSON</translation>
    </message>
</context>
<context>
    <name>CrashReporter</name>
    <message>
        <source>Something went wrong inside SurveyDesk. What you have saved is safe, and SurveyDesk goes on.

If what you were doing did not finish, please try it again. If this comes back, the details are in this file, which you can send to us with a few words about what you were doing:
{0}</source>
        <translation>Un problème est survenu dans SurveyDesk. Ce que vous avez enregistré est en sécurité, et SurveyDesk continue.

Si ce que vous faisiez n’a pas abouti, veuillez recommencer. Si cela se reproduit, les détails se trouvent dans ce fichier, que vous pouvez nous envoyer avec quelques mots sur ce que vous faisiez&#xa0;:
{0}</translation>
    </message>
    <message>
        <source>SurveyDesk</source>
        <translation>SurveyDesk</translation>
    </message>
</context>
<context>
    <name>DamagedDatabaseBox</name>
    <message>
        <source>SurveyDesk&apos;s data is damaged</source>
        <translation>Les données de SurveyDesk sont abîmées</translation>
    </message>
    <message>
        <source>The file where SurveyDesk keeps your data is damaged:
{0}

SurveyDesk did not open it, so nothing more was written to it.</source>
        <translation>Le fichier où SurveyDesk garde vos données est abîmé :
{0}

SurveyDesk ne l’a pas ouvert : rien de plus n’y a été écrit.</translation>
    </message>
    <message>
        <source>There is no sound backup to put in its place. Keep this file: it may still hold your data.</source>
        <translation>Il n’y a aucune copie intacte à remettre à sa place. Gardez ce fichier : il contient peut-être encore vos données.</translation>
    </message>
    <message>
        <source>SurveyDesk keeps a copy of your data every day. Put back the copy of {0}? What you did after it is not in it. The damaged file stays beside it, renamed.</source>
        <translation>SurveyDesk garde chaque jour une copie de vos données. Remettre la copie du {0} ? Ce que vous avez fait après n’y est pas. Le fichier abîmé reste à côté, renommé.</translation>
    </message>
    <message>
        <source>Put back the copy of {0}</source>
        <translation>Remettre la copie du {0}</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
</context>
<context>
    <name>DiskFullError</name>
    <message>
        <source>The disk is full, so SurveyDesk cannot save anything. Free some space: what is waiting is saved as soon as it can be.</source>
        <translation>Le disque est plein&#xa0;: SurveyDesk ne peut rien enregistrer. Libérez de la place&#xa0;: ce qui attend sera enregistré dès que possible.</translation>
    </message>
</context>
<context>
    <name>EarningsChart</name>
    <message>
        <source>Earnings per period, by platform</source>
        <translation>Gains par période, par plateforme</translation>
    </message>
</context>
<context>
    <name>Eligibility</name>
    <message>
        <source>needs a device you do not list: {0}</source>
        <translation>demande un appareil que vous n’indiquez pas&#xa0;: {0}</translation>
    </message>
    <message>
        <source>needs {0}, which your profile does not list</source>
        <translation>demande {0}, que votre profil n’indique pas</translation>
    </message>
    <message>
        <source>asks for {0}, which MTurk says you do not have</source>
        <translation>demande {0}, que vous n’avez pas selon MTurk</translation>
    </message>
    <message>
        <source>is for workers in {0}; your profile says {1}</source>
        <translation>est réservée aux travailleurs de {0}&#xa0;; votre profil indique {1}</translation>
    </message>
    <message>
        <source>is not for workers in {0}; your profile says {1}</source>
        <translation>exclut les travailleurs de {0}&#xa0;; votre profil indique {1}</translation>
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
        <translation>Date</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Plateforme</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Envoyé</translation>
    </message>
    <message>
        <source>Awaiting review</source>
        <translation>En attente de validation</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Approuvé</translation>
    </message>
    <message>
        <source>Presumed approved</source>
        <translation>Présumé approuvé</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Payé</translation>
    </message>
    <message>
        <source>Presumed paid</source>
        <translation>Présumé payé</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Refusé</translation>
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
        <source>Reversed</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <source>bonus</source>
        <translation>bonus</translation>
    </message>
    <message>
        <source>adjustment</source>
        <translation>ajustement</translation>
    </message>
    <message>
        <source>reversal</source>
        <translation>annulation</translation>
    </message>
    <message>
        <source>sent to your wallet</source>
        <translation>envoyé sur votre portefeuille</translation>
    </message>
    <message>
        <source>{0} stopped reporting this before deciding it. It approves on its own what waits too long, so SurveyDesk counts it approved until {0} says otherwise.</source>
        <translation>{0} a cessé de signaler ceci avant de le valider. Il approuve de lui-même ce qui attend trop longtemps, donc SurveyDesk le compte comme approuvé tant que {0} ne dit pas le contraire.</translation>
    </message>
    <message>
        <source>{0} stopped reporting this before paying it, so SurveyDesk counts it paid until {0} says otherwise.</source>
        <translation>{0} a cessé de signaler ceci avant de le payer, donc SurveyDesk le compte comme payé tant que {0} ne dit pas le contraire.</translation>
    </message>
    <message>
        <source>[{0}] {1}</source>
        <translation>[{0}] {1}</translation>
    </message>
</context>
<context>
    <name>FeedController</name>
    <message>
        <source>This desktop has no system tray: new-task alerts are shown in this window.</source>
        <translation>Ce bureau n’a pas de zone de notification&#xa0;: les alertes de nouvelles tâches s’affichent dans cette fenêtre.</translation>
    </message>
    <message>
        <source>A test alert: new tasks will be announced like this.</source>
        <translation>Une alerte d’essai : les nouvelles tâches seront annoncées ainsi.</translation>
    </message>
    <message>
        <source>SurveyDesk</source>
        <translation>SurveyDesk</translation>
    </message>
    <message>
        <source>The test alert was handed to the system tray: it should be on your screen now.</source>
        <translation>L’alerte d’essai a été confiée à la zone de notification&#xa0;: elle devrait être sur votre écran maintenant.</translation>
    </message>
    <message>
        <source>This desktop has no notification area: alerts are shown at the bottom of this window.</source>
        <translation>Ce bureau n’a pas de zone de notification&#xa0;: les alertes s’affichent en bas de cette fenêtre.</translation>
    </message>
    <message>
        <source>The desktop&apos;s notification service showed the test alert.</source>
        <translation>Le service de notifications du bureau a affiché l’alerte d’essai.</translation>
    </message>
    <message>
        <source>The sound played: you should have heard it.</source>
        <translation>Le son a été joué&#xa0;: vous avez dû l’entendre.</translation>
    </message>
    <message>
        <source>Alerts are failing</source>
        <translation>Les alertes ne passent pas</translation>
    </message>
    <message>
        <source>Signed out of {0}</source>
        <translation>Déconnecté de {0}</translation>
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
        <translation>Cette réponse n’a pas la bonne forme.</translation>
    </message>
    <message>
        <source>Choose one of the answers offered.</source>
        <translation>Choisissez l’une des réponses proposées.</translation>
    </message>
    <message>
        <source>Choose among the answers offered.</source>
        <translation>Choisissez parmi les réponses proposées.</translation>
    </message>
    <message>
        <source>Choose at least {0}.</source>
        <translation>Choisissez-en au moins {0}.</translation>
    </message>
    <message>
        <source>Choose at most {0}.</source>
        <translation>Choisissez-en au plus {0}.</translation>
    </message>
    <message>
        <source>Enter a whole number.</source>
        <translation>Saisissez un nombre entier.</translation>
    </message>
    <message>
        <source>Enter {0} or more.</source>
        <translation>Saisissez {0} ou plus.</translation>
    </message>
    <message>
        <source>Enter {0} or less.</source>
        <translation>Saisissez {0} ou moins.</translation>
    </message>
    <message>
        <source>Enter a date as year-month-day, e.g. 1990-04-17.</source>
        <translation>Saisissez une date sous la forme année-mois-jour, par exemple 1990-04-17.</translation>
    </message>
    <message>
        <source>This date is in the future.</source>
        <translation>Cette date est dans le futur.</translation>
    </message>
    <message>
        <source>This makes you younger than {0}.</source>
        <translation>Vous auriez alors moins de {0} ans.</translation>
    </message>
    <message>
        <source>This makes you older than {0}.</source>
        <translation>Vous auriez alors plus de {0} ans.</translation>
    </message>
    <message>
        <source>Keep it under {0} characters.</source>
        <translation>Restez sous {0} caractères.</translation>
    </message>
    <message>
        <source>Enter at least {0} characters.</source>
        <translation>Saisissez au moins {0} caractères.</translation>
    </message>
    <message>
        <source>Enter at most {0} characters.</source>
        <translation>Saisissez au plus {0} caractères.</translation>
    </message>
    <message>
        <source>This does not look right.</source>
        <translation>Cela ne semble pas correct.</translation>
    </message>
    <message>
        <source>This does not look right ({0}).</source>
        <translation>Cela ne semble pas correct ({0}).</translation>
    </message>
</context>
<context>
    <name>FieldEditor</name>
    <message>
        <source>Ask me first</source>
        <translation>Me demander d’abord</translation>
    </message>
    <message>
        <source>Send automatically</source>
        <translation>Envoyer automatiquement</translation>
    </message>
    <message>
        <source>Never send</source>
        <translation>Ne jamais envoyer</translation>
    </message>
    <message>
        <source>e.g. {0}</source>
        <translation>p. ex. {0}</translation>
    </message>
    <message>
        <source>What {0} may receive of “{1}”</source>
        <translation>Ce que {0} peut recevoir de «&#xa0;{1}&#xa0;»</translation>
    </message>
    <message>
        <source>{0}:</source>
        <translation>{0}&#xa0;:</translation>
    </message>
    <message>
        <source>Enter a date such as {0}.</source>
        <translation>Saisissez une date comme {0}.</translation>
    </message>
</context>
<context>
    <name>FileDialog</name>
    <message>
        <source>Look in:</source>
        <translation>Regarder dans&#xa0;:</translation>
    </message>
    <message>
        <source>Files of type:</source>
        <translation>Type de fichier&#xa0;:</translation>
    </message>
</context>
<context>
    <name>GoalsBox</name>
    <message>
        <source>Earnings goals</source>
        <translation>Objectifs de gains</translation>
    </message>
    <message>
        <source>A day</source>
        <translation>Par jour</translation>
    </message>
    <message>
        <source>A week</source>
        <translation>Par semaine</translation>
    </message>
    <message>
        <source>A month</source>
        <translation>Par mois</translation>
    </message>
    <message>
        <source>no goal</source>
        <translation>aucun objectif</translation>
    </message>
    <message>
        <source>Save goals</source>
        <translation>Enregistrer les objectifs</translation>
    </message>
    <message>
        <source>“{0}” is not an amount; write it like 10 or {1}.</source>
        <translation>«&#xa0;{0}&#xa0;» n’est pas un montant&#xa0;; écrivez-le comme 10 ou {1}.</translation>
    </message>
</context>
<context>
    <name>HistoryFile</name>
    <message>
        <source>Import Prolific&apos;s submission history</source>
        <translation>Importer l’historique des soumissions Prolific</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>HistoryService</name>
    <message>
        <source>The history could not be read from the database; see the log file.</source>
        <translation>L’historique n’a pas pu être lu dans la base de données&#xa0;; consultez le fichier journal.</translation>
    </message>
    <message>
        <source>More entries could not be read from the database; see the log file.</source>
        <translation>La suite des entrées n’a pas pu être lue dans la base de données&#xa0;; consultez le fichier journal.</translation>
    </message>
    <message>
        <source>Your change could not be stored; see the log file. Nothing was changed.</source>
        <translation>Votre modification n’a pas pu être enregistrée&#xa0;; consultez le fichier journal. Rien n’a été changé.</translation>
    </message>
    <message>
        <source>Updating rates is not available here.</source>
        <translation>La mise à jour des taux n’est pas disponible ici.</translation>
    </message>
    <message>
        <source>The rates are being updated; this takes a moment.</source>
        <translation>Les taux sont en cours de mise à jour ; cela prend un instant.</translation>
    </message>
    <message>
        <source>Rates were asked for a moment ago; try again after {0}.</source>
        <translation>Les taux viennent d’être demandés&#xa0;; réessayez après {0}.</translation>
    </message>
    <message>
        <source>The rates could not be updated; see the log file.</source>
        <translation>Les taux n’ont pas pu être mis à jour&#xa0;; consultez le fichier journal.</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>Pending</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Approuvé</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Payé</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>Refusé</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Jour</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Semaine</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Mois</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Année</translation>
    </message>
    <message>
        <source>Your currency: every total is converted into it</source>
        <translation>Votre devise&#xa0;: tous les totaux y sont convertis</translation>
    </message>
    <message>
        <source>Exchange rates…</source>
        <translation>Taux de change…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>Ledger as CSV…</source>
        <translation>Journal des gains en CSV…</translation>
    </message>
    <message>
        <source>Ledger as JSON…</source>
        <translation>Journal des gains en JSON…</translation>
    </message>
    <message>
        <source>Yearly summary per platform…</source>
        <translation>Récapitulatif annuel par plateforme…</translation>
    </message>
    <message>
        <source>Reading your history…</source>
        <translation>Lecture de votre historique…</translation>
    </message>
    <message>
        <source>Nothing earned yet. Add your platform accounts in Tasks ▸ Accounts… and their earnings appear here after the next sync (Tasks ▸ Sync earnings now); every task you time is entered at once; Import a history file… brings in the past work that {0} let you download.</source>
        <translation>Aucun gain pour l’instant. Ajoutez vos comptes de plateforme dans Tâches ▸ Comptes…&#xa0;: leurs gains apparaîtront ici après la prochaine synchronisation (Tâches ▸ Synchroniser les gains maintenant)&#xa0;; chaque tâche que vous chronométrez est inscrite aussitôt&#xa0;; Importer un historique… reprend le travail passé que {0} vous laisse télécharger.</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <source>Earned</source>
        <translation>Gagné</translation>
    </message>
    <message>
        <source>Totals</source>
        <translation>Totaux</translation>
    </message>
    <message>
        <source>By platform</source>
        <translation>Par plateforme</translation>
    </message>
    <message>
        <source>Earnings</source>
        <translation>Gains</translation>
    </message>
    <message>
        <source>Wages</source>
        <translation>Salaires</translation>
    </message>
    <message>
        <source>Unpaid share</source>
        <translation>Part non payée</translation>
    </message>
    <message>
        <source>All platforms</source>
        <translation>Toutes les plateformes</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Tous les statuts</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>Toutes les années</translation>
    </message>
    <message>
        <source>Search titles, requesters and notes</source>
        <translation>Chercher dans les titres, demandeurs et notes</translation>
    </message>
    <message>
        <source>Note…</source>
        <translation>Note…</translation>
    </message>
    <message>
        <source>Correct…</source>
        <translation>Corriger…</translation>
    </message>
    <message>
        <source>Select an entry to see its history.</source>
        <translation>Sélectionnez une entrée pour voir son historique.</translation>
    </message>
    <message>
        <source>Totals per</source>
        <translation>Totaux par</translation>
    </message>
    <message>
        <source>Your currency</source>
        <translation>Votre devise</translation>
    </message>
    <message>
        <source>Value of points…</source>
        <translation>Valeur des points…</translation>
    </message>
    <message>
        <source>Totals per period</source>
        <translation>Totaux par période</translation>
    </message>
    <message>
        <source>Earnings by platform</source>
        <translation>Gains par plateforme</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Entrées</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Plateforme</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Search…</source>
        <translation>Chercher…</translation>
    </message>
    <message>
        <source>Search entries</source>
        <translation>Chercher dans les entrées</translation>
    </message>
    <message>
        <source>The selected entry&apos;s history</source>
        <translation>Historique de l’entrée sélectionnée</translation>
    </message>
    <message>
        <source>in</source>
        <translation>en</translation>
    </message>
    <message>
        <source>Earned: — (not known in {0} until exchange rates arrive) · {1}</source>
        <translation>Gagné : — (inconnu en {0} tant que les taux de change ne sont pas arrivés) · {1}</translation>
    </message>
    <message>
        <source>Earned {0}</source>
        <translation>Gagné {0}</translation>
    </message>
    <message>
        <source>{0} {1}</source>
        <translation>{0} {1}</translation>
    </message>
    <message>
        <source>{0} in {1} since {2}</source>
        <translation>{0} sur {1} depuis le {2}</translation>
    </message>
    <message>
        <source>Fetching exchange rates from the ECB for what these totals leave out: {0}.</source>
        <translation>Récupération auprès de la BCE des taux de change de ce que ces totaux laissent de côté : {0}.</translation>
    </message>
    <message>
        <source>Not in these totals yet: {0}. You are offline: the exchange rates they wait for are fetched when the network is back, or you can add a rate in Exchange rates…</source>
        <translation>Pas encore dans ces totaux : {0}. Vous êtes hors ligne : les taux de change qu’ils attendent seront récupérés au retour du réseau, ou vous pouvez ajouter un taux dans Taux de change…</translation>
    </message>
    <message>
        <source>Not in these totals, for want of an exchange rate dated on or before their day: {0}. The rates could not be fetched ({1}); add a rate in Exchange rates…</source>
        <translation>Hors de ces totaux, faute de taux de change daté de leur jour ou d’avant : {0}. Les taux n’ont pas pu être récupérés ({1}) ; ajoutez un taux dans Taux de change…</translation>
    </message>
    <message>
        <source>Not in these totals, for want of an exchange rate dated on or before their day: {0}. Add a rate in Exchange rates…</source>
        <translation>Absent de ces totaux, faute d’un taux de change daté de leur jour ou d’avant&#xa0;: {0}. Ajoutez un taux dans Taux de change…</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Tout</translation>
    </message>
    <message>
        <source>{0} of {1} shown</source>
        <translation>{0} affichées sur {1}</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>{0} shown</source>
        <translation>{0} affichées</translation>
    </message>
    <message>
        <source>1 entry</source>
        <translation>1 entrée</translation>
    </message>
    <message>
        <source>{0} entries</source>
        <translation>{0} entrées</translation>
    </message>
    <message>
        <source>platform</source>
        <translation>plateforme</translation>
    </message>
    <message>
        <source>timed here</source>
        <translation>chronométré ici</translation>
    </message>
    <message>
        <source>you</source>
        <translation>vous</translation>
    </message>
    <message>
        <source>{0} counted {1} (h:mm) for this task; your timer counted {2}.</source>
        <translation>{0} a compté {1} pour cette tâche&#xa0;; votre chronomètre a compté {2}.</translation>
    </message>
    <message>
        <source>note: {0}</source>
        <translation>note&#xa0;: {0}</translation>
    </message>
    <message>
        <source>note removed</source>
        <translation>note supprimée</translation>
    </message>
    <message>
        <source>Not updated from the ECB yet.</source>
        <translation>Pas encore mis à jour depuis la BCE.</translation>
    </message>
    <message>
        <source>Last updated from the ECB: {0}.</source>
        <translation>Dernière mise à jour depuis la BCE : {0}.</translation>
    </message>
    <message>
        <source>Offline: rates are updated when the network is back.</source>
        <translation>Hors ligne : les taux seront mis à jour au retour du réseau.</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <source>{0}. Importing the others…</source>
        <translation>{0}. Import des autres…</translation>
    </message>
    <message>
        <source>{0}. Nothing was imported.</source>
        <translation>{0}. Rien n’a été importé.</translation>
    </message>
    <message>
        <source>Imported {0} submissions into {1} entries.</source>
        <translation>{0} soumissions importées en {1} entrées.</translation>
    </message>
    <message>
        <source>{0} rows had no time and were left out.</source>
        <translation>{0} lignes sans heure ont été laissées de côté.</translation>
    </message>
    <message>
        <source>Importing {0}…</source>
        <translation>Importation de {0}…</translation>
    </message>
    <message>
        <source>Import a history file…</source>
        <translation>Importer un historique…</translation>
    </message>
    <message>
        <source>Add your account first (Tasks ▸ Accounts…): {0} let you download your history.</source>
        <translation>Ajoutez d’abord votre compte (Tâches ▸ Comptes…)&#xa0;: {0} vous laisse télécharger votre historique.</translation>
    </message>
    <message>
        <source>Which account is this history of?</source>
        <translation>À quel compte cet historique appartient-il&#xa0;?</translation>
    </message>
    <message>
        <source>Yearly summary</source>
        <translation>Récapitulatif annuel</translation>
    </message>
    <message>
        <source>surveydesk-{0}-summary</source>
        <translation>surveydesk-recapitulatif-{0}</translation>
    </message>
    <message>
        <source>surveydesk-earnings</source>
        <translation>surveydesk-gains</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>Fichiers JSON (*.json)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>The summary of {0} ({1} platforms) is in {2}.</source>
        <translation>Le récapitulatif de {0} ({1} plateformes) est dans {2}.</translation>
    </message>
    <message>
        <source>Exported {0} entries to {1}.</source>
        <translation>{0} entrées exportées dans {1}.</translation>
    </message>
    <message>
        <source>Exporting to {0}…</source>
        <translation>Exportation vers {0}…</translation>
    </message>
    <message>
        <source>Another import or export is still running.</source>
        <translation>Une autre importation ou exportation est encore en cours.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation>{0} sur {1}</translation>
    </message>
    <message>
        <source>Cancelled: nothing was written.</source>
        <translation>Annulé&#xa0;: rien n’a été écrit.</translation>
    </message>
</context>
<context>
    <name>ImportProblem</name>
    <message>
        <source>line {0}: {1}</source>
        <translation>ligne {0}&#xa0;: {1}</translation>
    </message>
    <message>
        <source>{0} row(s) cannot be read: {1}</source>
        <translation>{0} ligne(s) illisible(s)&#xa0;: {1}</translation>
    </message>
    <message>
        <source>{0} is not an amount with its currency</source>
        <translation>{0} n’est pas un montant avec sa devise</translation>
    </message>
    <message>
        <source>{0} is not a plain positive number</source>
        <translation>{0} n’est pas un simple nombre positif</translation>
    </message>
    <message>
        <source>{0} is not a time</source>
        <translation>{0} n’est pas une heure</translation>
    </message>
    <message>
        <source>{0} is not a Prolific status</source>
        <translation>{0} n’est pas un statut Prolific</translation>
    </message>
    <message>
        <source>the file is larger than {0} MB; it is not a Prolific export</source>
        <translation>le fichier dépasse {0} Mo&#xa0;; ce n’est pas un export Prolific</translation>
    </message>
    <message>
        <source>the file is not UTF-8 text; it is not a Prolific export</source>
        <translation>le fichier n’est pas du texte UTF-8&#xa0;; ce n’est pas un export Prolific</translation>
    </message>
    <message>
        <source>the file is not a readable CSV ({0}); it is not a Prolific export</source>
        <translation>le fichier n’est pas un CSV lisible ({0})&#xa0;; ce n’est pas un export Prolific</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>le fichier est vide</translation>
    </message>
    <message>
        <source>the file lacks the column(s) {0}: it is not Prolific&apos;s submission history (Study, Reward, Bonus, Started At, Completed At, Completion Code, Status)</source>
        <translation>il manque au fichier la ou les colonnes {0}&#xa0;: ce n’est pas l’historique des soumissions de Prolific (Study, Reward, Bonus, Started At, Completed At, Completion Code, Status)</translation>
    </message>
    <message>
        <source>{0}; {1}</source>
        <translation>{0}&#xa0;; {1}</translation>
    </message>
    <message>
        <source>{0} (and {1} more)</source>
        <translation>{0} (et {1} de plus)</translation>
    </message>
    <message>
        <source>it has {0} cells, fewer than the header&apos;s columns</source>
        <translation>elle a {0} cellules, moins que les colonnes de l’en-tête</translation>
    </message>
    <message>
        <source>the study has no name</source>
        <translation>l’étude n’a pas de nom</translation>
    </message>
    <message>
        <source>the reward or bonus cannot be read ({0})</source>
        <translation>la récompense ou le bonus est illisible ({0})</translation>
    </message>
    <message>
        <source>the bonus is not in the reward&apos;s currency</source>
        <translation>le bonus n’est pas dans la devise de la récompense</translation>
    </message>
</context>
<context>
    <name>KeyringSecrets</name>
    <message>
        <source>No system keyring is available, so SurveyDesk cannot save your platform logins. Start your desktop&apos;s keyring (for example GNOME Keyring or KWallet) and restart SurveyDesk; until then a login can be kept for this run only.</source>
        <translation>Aucun trousseau système n’est disponible&#xa0;: SurveyDesk ne peut donc pas enregistrer vos identifiants de plateforme. Démarrez le trousseau de votre bureau (par exemple GNOME Keyring ou KWallet) et relancez SurveyDesk&#xa0;; d’ici là, un identifiant peut être gardé pour cette session seulement.</translation>
    </message>
    <message>
        <source>The keyring refused to give the login for {0}; is it locked?</source>
        <translation>Le trousseau a refusé de donner l’identifiant de {0}&#xa0;; est-il verrouillé&#xa0;?</translation>
    </message>
    <message>
        <source>The keyring refused to store the login for {0}; is it locked?</source>
        <translation>Le trousseau a refusé d’enregistrer l’identifiant de {0}&#xa0;; est-il verrouillé&#xa0;?</translation>
    </message>
    <message>
        <source>The keyring refused to remove the login for {0}; is it locked?</source>
        <translation>Le trousseau a refusé de supprimer l’identifiant de {0}&#xa0;; est-il verrouillé&#xa0;?</translation>
    </message>
</context>
<context>
    <name>LinkOffer</name>
    <message>
        <source>No web browser opened</source>
        <translation>Aucun navigateur ouvert</translation>
    </message>
    <message>
        <source>SurveyDesk could not start a web browser for this page. Copy its link and paste it into your browser’s address bar:

{0}</source>
        <translation>SurveyDesk n’a pu lancer aucun navigateur web pour cette page. Copiez son lien et collez-le dans la barre d’adresse de votre navigateur&#xa0;:

{0}</translation>
    </message>
    <message>
        <source>Copy the link</source>
        <translation>Copier le lien</translation>
    </message>
</context>
<context>
    <name>LogFile</name>
    <message>
        <source>SurveyDesk cannot write its log file {0}: {1}. It goes on without it and writes it again once it can: free some space on that disk, or check that the folder is yours.</source>
        <translation>SurveyDesk ne peut pas écrire son journal {0}&#xa0;: {1}. Il continue sans et l’écrira de nouveau dès qu’il le pourra&#xa0;: libérez de la place sur ce disque, ou vérifiez que le dossier est bien à vous.</translation>
    </message>
</context>
<context>
    <name>LongJob</name>
    <message>
        <source>Something went wrong on our side; see the log file. Nothing was changed.</source>
        <translation>Un problème est survenu de notre côté&#xa0;; consultez le fichier journal. Rien n’a été changé.</translation>
    </message>
</context>
<context>
    <name>MTurkConnector</name>
    <message>
        <source>MTurk has no more of these HITs available</source>
        <translation>MTurk n’a plus de HIT de ce type disponibles</translation>
    </message>
    <message>
        <source>Your MTurk queue is full: submit or return a HIT first</source>
        <translation>Votre file MTurk est pleine&#xa0;: soumettez ou rendez d’abord un HIT</translation>
    </message>
    <message>
        <source>You have reached MTurk&apos;s daily limit of HITs; try again tomorrow</source>
        <translation>Vous avez atteint la limite quotidienne de HIT de MTurk&#xa0;; réessayez demain</translation>
    </message>
    <message>
        <source>You do not meet the qualification requirements of this HIT</source>
        <translation>Vous ne remplissez pas les conditions de qualification de ce HIT</translation>
    </message>
    <message>
        <source>MTurk does not know this HIT group; it may have been taken down</source>
        <translation>MTurk ne connaît pas ce groupe de HIT&#xa0;; il a peut-être été retiré</translation>
    </message>
    <message>
        <source>The requester does not let you work on their HITs</source>
        <translation>Le demandeur ne vous autorise pas à travailler sur ses HIT</translation>
    </message>
    <message>
        <source>MTurk asks you to solve a captcha: open MTurk in your browser</source>
        <translation>MTurk vous demande de résoudre un captcha&#xa0;: ouvrez MTurk dans votre navigateur</translation>
    </message>
    <message>
        <source>MTurk&apos;s answer has no list of projects</source>
        <translation>La réponse de MTurk ne contient pas de liste de projets</translation>
    </message>
    <message>
        <source>MTurk kept sending us from page to page; look at the HIT in your browser</source>
        <translation>MTurk nous a renvoyés de page en page&#xa0;; consultez le HIT dans votre navigateur</translation>
    </message>
    <message>
        <source>MTurk&apos;s answer has no queue</source>
        <translation>La réponse de MTurk ne contient pas de file</translation>
    </message>
    <message>
        <source>Not signed in to MTurk: sign in from Accounts</source>
        <translation>Pas de connexion à MTurk&#xa0;: connectez-vous depuis Comptes</translation>
    </message>
    <message>
        <source>MTurk signed you out: sign in to MTurk again</source>
        <translation>MTurk a fermé votre session&#xa0;: reconnectez-vous à MTurk</translation>
    </message>
    <message>
        <source>SurveyDesk cannot use your saved MTurk sign-in: sign in to MTurk again</source>
        <translation>SurveyDesk ne peut pas utiliser votre connexion MTurk enregistrée&#xa0;: reconnectez-vous à MTurk</translation>
    </message>
    <message>
        <source>MTurk refused your saved sign-in: sign in to MTurk again</source>
        <translation>MTurk a refusé votre connexion enregistrée&#xa0;: reconnectez-vous à MTurk</translation>
    </message>
    <message>
        <source>MTurk did not give you the HIT: {0}</source>
        <translation>MTurk ne vous a pas attribué le HIT&#xa0;: {0}</translation>
    </message>
    <message>
        <source>MTurk did not confirm the HIT; look at your queue in your browser</source>
        <translation>MTurk n’a pas confirmé le HIT&#xa0;; consultez votre file dans votre navigateur</translation>
    </message>
    <message>
        <source>a project in MTurk&apos;s list is not an object</source>
        <translation>un projet de la liste de MTurk n’est pas un objet</translation>
    </message>
    <message>
        <source>a project in MTurk&apos;s list has no id</source>
        <translation>un projet de la liste de MTurk n’a pas d’identifiant</translation>
    </message>
    <message>
        <source>project {0}</source>
        <translation>le projet {0}</translation>
    </message>
    <message>
        <source>{0} has no title</source>
        <translation>{0}&#xa0;: aucun titre</translation>
    </message>
    <message>
        <source>an entry in MTurk&apos;s queue is not an object</source>
        <translation>une entrée de la file de MTurk n’est pas un objet</translation>
    </message>
    <message>
        <source>an entry in MTurk&apos;s queue has no assignment id</source>
        <translation>une entrée de la file de MTurk n’a pas d’identifiant d’affectation</translation>
    </message>
    <message>
        <source>assignment {0}</source>
        <translation>l’affectation {0}</translation>
    </message>
    <message>
        <source>{0} has no project</source>
        <translation>{0}&#xa0;: aucun projet</translation>
    </message>
    <message>
        <source>{0} has no reward</source>
        <translation>{0}&#xa0;: aucune récompense</translation>
    </message>
    <message>
        <source>{0} has a reward of the wrong type: {1}</source>
        <translation>{0}&#xa0;: récompense du mauvais type&#xa0;: {1}</translation>
    </message>
    <message>
        <source>{0} has a reward without an amount: {1}</source>
        <translation>{0}&#xa0;: récompense sans montant&#xa0;: {1}</translation>
    </message>
    <message>
        <source>{0} has an unreadable reward: {1}</source>
        <translation>{0}&#xa0;: récompense illisible&#xa0;: {1}</translation>
    </message>
</context>
<context>
    <name>MTurkEarnings</name>
    <message>
        <source>MTurk&apos;s dashboard has no daily overview</source>
        <translation>Le tableau de bord de MTurk n’a pas d’aperçu quotidien</translation>
    </message>
    <message>
        <source>MTurk&apos;s dashboard lists more than {0} days</source>
        <translation>Le tableau de bord de MTurk liste plus de {0} jours</translation>
    </message>
    <message>
        <source>a day of MTurk&apos;s dashboard is not an object</source>
        <translation>un jour du tableau de bord de MTurk n’est pas un objet</translation>
    </message>
    <message>
        <source>a day of MTurk&apos;s dashboard has no readable date: {0}</source>
        <translation>un jour du tableau de bord de MTurk n’a pas de date lisible&#xa0;: {0}</translation>
    </message>
    <message>
        <source>MTurk sent an amount of the wrong type: {0}</source>
        <translation>MTurk a envoyé un montant du mauvais type&#xa0;: {0}</translation>
    </message>
    <message>
        <source>MTurk&apos;s status details have no results</source>
        <translation>Le détail des statuts de MTurk ne contient aucun résultat</translation>
    </message>
    <message>
        <source>MTurk&apos;s status details of {0} went on for more than {1} pages</source>
        <translation>Le détail des statuts de MTurk du {0} dépasse {1} pages</translation>
    </message>
    <message>
        <source>a HIT in MTurk&apos;s status details is not an object</source>
        <translation>un HIT du détail des statuts de MTurk n’est pas un objet</translation>
    </message>
    <message>
        <source>HIT {0} has a state SurveyDesk does not know: {1}</source>
        <translation>le HIT {0} a un état que SurveyDesk ne connaît pas&#xa0;: {1}</translation>
    </message>
    <message>
        <source>Bonuses of {0}</source>
        <translation>Bonus du {0}</translation>
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
        <translation>{0} — démo</translation>
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
        <translation>S&amp;ynchroniser entre ordinateurs…</translation>
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
        <source>SurveyDesk closed on a full disk</source>
        <translation>SurveyDesk s’est fermé sur un disque plein</translation>
    </message>
    <message>
        <source>The disk was full when SurveyDesk closed, so it could not save the time it was counting. Nothing is lost.</source>
        <translation>Le disque était plein quand SurveyDesk s’est fermé&#xa0;: il n’a pas pu enregistrer le temps qu’il comptait. Rien n’est perdu.</translation>
    </message>
    <message>
        <source>SurveyDesk stopped unexpectedly</source>
        <translation>SurveyDesk s’est arrêté de façon inattendue</translation>
    </message>
    <message>
        <source>Count the time since then (less than a minute) as work?</source>
        <translation>Compter comme du travail le temps écoulé depuis (moins d’une minute)&#xa0;?</translation>
    </message>
    <message>
        <source>Count the minute since then as work?</source>
        <translation>Compter comme du travail la minute écoulée depuis&#xa0;?</translation>
    </message>
    <message>
        <source>Count the {0} minutes since then as work?</source>
        <translation>Compter comme du travail les {0} minutes écoulées depuis&#xa0;?</translation>
    </message>
    <message>
        <source>SurveyDesk stopped while timing {0} (last seen running at {1}).</source>
        <translation>SurveyDesk s’est arrêté pendant qu’il chronométrait {0} (vu en marche pour la dernière fois à {1}).</translation>
    </message>
    <message>
        <source>your shift</source>
        <translation>votre session</translation>
    </message>
    <message>
        <source>“{0}”</source>
        <translation>«&#xa0;{0}&#xa0;»</translation>
    </message>
    <message>
        <source>Checking every account now.</source>
        <translation>Consultation de tous les comptes en cours.</translation>
    </message>
    <message>
        <source>Accounts checked moments ago wait as their platform asks; all are checked by {0}.</source>
        <translation>Les comptes consultés à l’instant attendent comme leur plateforme le demande&#xa0;; tous sont consultés d’ici {0}.</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}&#xa0;: {1}</translation>
    </message>
    <message>
        <source>The disk is full</source>
        <translation>Le disque est plein</translation>
    </message>
    <message>
        <source>The disk is full, so SurveyDesk could not save the time it was counting as it quits. Nothing is lost: the next time you start SurveyDesk, it asks whether the time since its last save was work. Free some space before then.</source>
        <translation>Le disque est plein&#xa0;: en quittant, SurveyDesk n’a pas pu enregistrer le temps qu’il comptait. Rien n’est perdu&#xa0;: au prochain démarrage, SurveyDesk vous demandera si le temps écoulé depuis son dernier enregistrement était du travail. D’ici là, libérez de la place sur le disque.</translation>
    </message>
    <message>
        <source>A task is being timed</source>
        <translation>Une tâche est chronométrée</translation>
    </message>
    <message>
        <source>“{0}” is being timed. Quitting SurveyDesk pauses its timer and your shift until the next start.</source>
        <translation>«&#xa0;{0}&#xa0;» est chronométrée. Quitter SurveyDesk met en pause son chronomètre et votre session jusqu’au prochain démarrage.</translation>
    </message>
    <message>
        <source>Keep running minimised</source>
        <translation>Continuer en arrière-plan (réduit)</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
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
        <translation>Salaire horaire</translation>
    </message>
    <message>
        <source>Pending and months</source>
        <translation>En attente et mois</translation>
    </message>
    <message>
        <source>Money owed</source>
        <translation>Argent dû</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
</context>
<context>
    <name>ManualTaskDialog</name>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
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
    <name>MinimumWage</name>
    <message>
        <source>France</source>
        <translation>France</translation>
    </message>
    <message>
        <source>United Kingdom</source>
        <translation>Royaume-Uni</translation>
    </message>
    <message>
        <source>Germany</source>
        <translation>Allemagne</translation>
    </message>
    <message>
        <source>Netherlands</source>
        <translation>Pays-Bas</translation>
    </message>
    <message>
        <source>Ireland</source>
        <translation>Irlande</translation>
    </message>
    <message>
        <source>United States</source>
        <translation>États-Unis</translation>
    </message>
    <message>
        <source>Spain</source>
        <translation>Espagne</translation>
    </message>
    <message>
        <source>Italy</source>
        <translation>Italie</translation>
    </message>
    <message>
        <source>Belgium</source>
        <translation>Belgique</translation>
    </message>
    <message>
        <source>Canada</source>
        <translation>Canada</translation>
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
        <source>Per hour, from today on (France: the net SMIC); leave empty to compare with nothing</source>
        <translation>Par heure, à partir d’aujourd’hui (France&#xa0;: le SMIC net)&#xa0;; laissez vide pour ne comparer à rien</translation>
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
        <source>Enter an amount such as {0} and a currency code such as EUR.</source>
        <translation>Saisissez un montant comme {0} et un code de devise comme EUR.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
    <message>
        <source>Net hourly minimum since {0}</source>
        <translation>Minimum horaire net depuis le {0}</translation>
    </message>
    <message>
        <source>Gross hourly minimum since {0}</source>
        <translation>Minimum horaire brut depuis le {0}</translation>
    </message>
</context>
<context>
    <name>MoneyField</name>
    <message>
        <source>{0}: currency</source>
        <translation>{0}&#xa0;: devise</translation>
    </message>
    <message>
        <source>Not an amount in {0}: enter a number such as {1}.</source>
        <translation>Pas un montant en {0}&#xa0;: saisissez un nombre comme {1}.</translation>
    </message>
    <message>
        <source>Enter an amount of zero or more.</source>
        <translation>Saisissez un montant positif ou nul.</translation>
    </message>
    <message>
        <source>in every currency, at History&apos;s exchange rates</source>
        <translation>dans toute devise, aux taux de change de l’Historique</translation>
    </message>
    <message>
        <source>No rate for {0} yet: those tasks pass.</source>
        <translation>Pas encore de taux pour {0}&#xa0;: ces tâches passent.</translation>
    </message>
</context>
<context>
    <name>MoneyOutlook</name>
    <message>
        <source>What you said of this claim could not be saved; see the log file.</source>
        <translation>Ce que vous avez indiqué pour cette réclamation n’a pas pu être enregistré ; voyez le fichier journal.</translation>
    </message>
    <message>
        <source>Your goals and the forecast of your pending money could not be worked out; see the log file.</source>
        <translation>Vos objectifs et la prévision de votre argent en attente n’ont pas pu être calculés&#xa0;; voyez le fichier journal.</translation>
    </message>
    <message>
        <source>today</source>
        <translation>aujourd’hui</translation>
    </message>
    <message>
        <source>1 minute</source>
        <translation>1 minute</translation>
    </message>
    <message>
        <source>{0} minutes</source>
        <translation>{0} minutes</translation>
    </message>
    <message>
        <source>{0} h {1:02d}</source>
        <translation>{0} h {1:02d}</translation>
    </message>
    <message>
        <source>{0} h</source>
        <translation>{0} h</translation>
    </message>
    <message>
        <source>this week</source>
        <translation>cette semaine</translation>
    </message>
    <message>
        <source>this month</source>
        <translation>ce mois-ci</translation>
    </message>
    <message>
        <source>{0} of {1} {2}</source>
        <translation>{0} sur {1} {2}</translation>
    </message>
    <message>
        <source>: goal reached</source>
        <translation>&#xa0;: objectif atteint</translation>
    </message>
    <message>
        <source>; at today&apos;s true wage, about {0} more</source>
        <translation>&#xa0;; au vrai salaire d’aujourd’hui, encore environ {0}</translation>
    </message>
    <message>
        <source>; today&apos;s true wage: {0}</source>
        <translation>&#xa0;; vrai salaire d’aujourd’hui&#xa0;: {0}</translation>
    </message>
    <message>
        <source>; {0} pending</source>
        <translation>&#xa0;; {0} en attente</translation>
    </message>
    <message>
        <source>You reached your goal for today: {0} earned.</source>
        <translation>Objectif du jour atteint&#xa0;: {0} gagnés.</translation>
    </message>
    <message>
        <source>You reached your goal for this week: {0} earned.</source>
        <translation>Objectif de la semaine atteint&#xa0;: {0} gagnés.</translation>
    </message>
    <message>
        <source>You reached your goal for this month: {0} earned.</source>
        <translation>Objectif du mois atteint&#xa0;: {0} gagnés.</translation>
    </message>
    <message>
        <source>Nothing is waiting for review.</source>
        <translation>Rien n’attend d’être vérifié.</translation>
    </message>
    <message>
        <source>{0} pending.</source>
        <translation>{0} en attente.</translation>
    </message>
    <message>
        <source>Going by your history, about {0} should be approved by {1}.</source>
        <translation>D’après votre historique, environ {0} devraient être approuvés d’ici {1}.</translation>
    </message>
    <message>
        <source>All of it should be approved by {0} at the latest: the platform&apos;s own review deadline.</source>
        <translation>Le tout devrait être approuvé au plus tard {0}&#xa0;: c’est le délai de vérification de la plateforme elle-même.</translation>
    </message>
    <message>
        <source>Nine times in ten, all of it is approved by {0}.</source>
        <translation>Neuf fois sur dix, le tout est approuvé d’ici {0}.</translation>
    </message>
    <message>
        <source>{0} is later than usual: worth a look on the platform.</source>
        <translation>{0} tardent plus que d’habitude&#xa0;: cela vaut la peine de regarder sur la plateforme.</translation>
    </message>
    <message>
        <source>{0} on {1} cannot be forecast yet: too few of your tasks there have been reviewed.</source>
        <translation>{0} sur {1} ne peuvent pas encore être prévus&#xa0;: trop peu de vos tâches y ont été vérifiées.</translation>
    </message>
    <message>
        <source>Amounts in {0} are left out: no exchange rate for their day.</source>
        <translation>Les montants en {0} sont laissés de côté&#xa0;: pas de taux de change pour leur jour.</translation>
    </message>
    <message>
        <source>Week of {0}: about {1}</source>
        <translation>Semaine du {0}&#xa0;: environ {1}</translation>
    </message>
    <message>
        <source>{0}: {1} approved or paid</source>
        <translation>{0}&#xa0;: {1} approuvés ou payés</translation>
    </message>
    <message>
        <source>, {0} of work of which {1} unpaid</source>
        <translation>, {0} de travail dont {1} sans paiement</translation>
    </message>
    <message>
        <source>true wage {0}</source>
        <translation>vrai salaire {0}</translation>
    </message>
    <message>
        <source>, {0}% of your minimum wage</source>
        <translation>, {0}&#xa0;% de votre salaire minimum</translation>
    </message>
    <message>
        <source>best platform {0}</source>
        <translation>meilleure plateforme {0}</translation>
    </message>
    <message>
        <source>{0} pending</source>
        <translation>{0} en attente</translation>
    </message>
    <message>
        <source>; </source>
        <translation>&#xa0;; </translation>
    </message>
    <message>
        <source>Over the last {0} months you earned between {1} and {2} a month; half the months under {3}.</source>
        <translation>Sur les {0} derniers mois, vous avez gagné entre {1} et {2} par mois&#xa0;; la moitié des mois, moins de {3}.</translation>
    </message>
</context>
<context>
    <name>NotAnExport</name>
    <message>
        <source>{0} is not a SurveyDesk ledger export</source>
        <translation>{0} n’est pas un export du journal des gains de SurveyDesk</translation>
    </message>
    <message>
        <source>{0} is a ledger export of a version this SurveyDesk cannot read</source>
        <translation>{0} est un export du journal des gains d’une version que ce SurveyDesk ne sait pas lire</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Your note</source>
        <translation>Votre note</translation>
    </message>
</context>
<context>
    <name>OutlookPanel</name>
    <message>
        <source>Working out your pending money…</source>
        <translation>Calcul de votre argent en attente…</translation>
    </message>
</context>
<context>
    <name>PhoneAlerts</name>
    <message>
        <source>“{0}” is not the address of a server: write it like ntfy.example.org.</source>
        <translation>« {0} » n’est pas l’adresse d’un serveur : écrivez-la comme ntfy.example.org.</translation>
    </message>
    <message>
        <source>No phone is set up yet: scan the code with the ntfy app, or paste another service&apos;s address.</source>
        <translation>Aucun téléphone n’est encore configuré : scannez le code avec l’application ntfy, ou collez l’adresse d’un autre service.</translation>
    </message>
    <message>
        <source>The alert did not reach the ntfy server. Check that this computer is online and, for your own server, its address and access key.</source>
        <translation>L’alerte n’est pas parvenue au serveur ntfy. Vérifiez que cet ordinateur est connecté et, pour votre propre serveur, son adresse et sa clé d’accès.</translation>
    </message>
    <message>
        <source>The alert did not reach {0}. Check that this computer is online and that the address you pasted is right.</source>
        <translation>L’alerte n’est pas parvenue à {0}. Vérifiez que cet ordinateur est connecté et que l’adresse collée est juste.</translation>
    </message>
    <message>
        <source>SurveyDesk does not know this address: “{0}”. Paste it again as the service gave it.</source>
        <translation>SurveyDesk ne connaît pas cette adresse : « {0} ». Collez-la de nouveau telle que le service l’a donnée.</translation>
    </message>
</context>
<context>
    <name>PhoneAlertsSection</name>
    <message>
        <source>Send alerts to my phone too</source>
        <translation>Envoyer aussi les alertes sur mon téléphone</translation>
    </message>
    <message>
        <source>Only when I have not used this computer for</source>
        <translation>Seulement si je n’ai pas utilisé cet ordinateur depuis</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Minutes away</source>
        <translation>Minutes d’absence</translation>
    </message>
    <message>
        <source>With the free ntfy app</source>
        <translation>Avec l’application gratuite ntfy</translation>
    </message>
    <message>
        <source>1. Install the ntfy app on your phone.
2. Press “Show the code”, then in the app press ＋ and scan the code.
3. Press “Send a test alert”.</source>
        <translation>1. Installez l’application ntfy sur votre téléphone.
2. Appuyez sur « Afficher le code », puis dans l’application appuyez sur ＋ et scannez le code.
3. Appuyez sur « Envoyer une alerte d’essai ».</translation>
    </message>
    <message>
        <source>Show the code</source>
        <translation>Afficher le code</translation>
    </message>
    <message>
        <source>Code to scan with the ntfy app</source>
        <translation>Code à scanner avec l’application ntfy</translation>
    </message>
    <message>
        <source>ntfy.sh (leave empty), or your own server&apos;s address</source>
        <translation>ntfy.sh (laisser vide), ou l’adresse de votre propre serveur</translation>
    </message>
    <message>
        <source>ntfy server</source>
        <translation>Serveur ntfy</translation>
    </message>
    <message>
        <source>Only if your own server asks for one</source>
        <translation>Seulement si votre propre serveur en demande une</translation>
    </message>
    <message>
        <source>Access key</source>
        <translation>Clé d’accès</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Serveur :</translation>
    </message>
    <message>
        <source>Access key:</source>
        <translation>Clé d’accès :</translation>
    </message>
    <message>
        <source>Other services</source>
        <translation>Autres services</translation>
    </message>
    <message>
        <source>Telegram, Pushover, Gotify, Signal, Matrix, e-mail…: paste the address, one a line</source>
        <translation>Telegram, Pushover, Gotify, Signal, Matrix, e-mail… : collez l’adresse, une par ligne</translation>
    </message>
    <message>
        <source>Send a test alert</source>
        <translation>Envoyer une alerte d’essai</translation>
    </message>
    <message>
        <source>Show the code again</source>
        <translation>Afficher de nouveau le code</translation>
    </message>
    <message>
        <source>Sending a test alert…</source>
        <translation>Envoi d’une alerte d’essai…</translation>
    </message>
    <message>
        <source>SurveyDesk</source>
        <translation>SurveyDesk</translation>
    </message>
    <message>
        <source>A test alert: your phone will get new tasks like this.</source>
        <translation>Une alerte d’essai : votre téléphone recevra les nouvelles tâches ainsi.</translation>
    </message>
    <message>
        <source>The test alert was sent: it should be on your phone now.</source>
        <translation>L’alerte d’essai est partie : elle devrait être sur votre téléphone maintenant.</translation>
    </message>
</context>
<context>
    <name>PhoneFeed</name>
    <message>
        <source>Taken</source>
        <translation>Pris</translation>
    </message>
    <message>
        <source>“{0}” is yours: it is open on your computer.</source>
        <translation>« {0} » est à vous : il est ouvert sur votre ordinateur.</translation>
    </message>
    <message>
        <source>Not taken</source>
        <translation>Pas pris</translation>
    </message>
</context>
<context>
    <name>PlatformChangeDialog</name>
    <message>
        <source>SurveyDesk {0}: replies that differ from what SurveyDesk reads</source>
        <translation>SurveyDesk {0} : réponses qui diffèrent de ce que SurveyDesk lit</translation>
    </message>
    <message>
        <source>Report a platform change</source>
        <translation>Signaler un changement de plateforme</translation>
    </message>
    <message>
        <source>A platform&apos;s answers no longer look the way SurveyDesk expects. Copy this report into a new issue for SurveyDesk&apos;s makers, so they can mend it. It names only the places that changed, never your data, your earnings or your login.</source>
        <translation>Les réponses d’une plateforme n’ont plus la forme que SurveyDesk attend. Copiez ce rapport dans un nouveau signalement pour les auteurs de SurveyDesk, afin qu’ils puissent le réparer. Il ne nomme que les endroits qui ont changé, jamais vos données, vos gains ni votre connexion.</translation>
    </message>
    <message>
        <source>When a platform&apos;s answers stop looking the way SurveyDesk expects, this report names the places that changed, for you to copy to SurveyDesk&apos;s makers. There is nothing to send now.</source>
        <translation>Quand les réponses d’une plateforme n’ont plus la forme que SurveyDesk attend, ce rapport nomme les endroits qui ont changé, pour que vous le copiiez aux auteurs de SurveyDesk. Il n’y a rien à envoyer pour l’instant.</translation>
    </message>
    <message>
        <source>&amp;Copy the report</source>
        <translation>&amp;Copier le rapport</translation>
    </message>
</context>
<context>
    <name>PlatformChangeNotice</name>
    <message>
        <source>See the report…</source>
        <translation>Voir le rapport…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>PlatformChangeReporting</name>
    <message>
        <source>&amp;Report a platform change…</source>
        <translation>&amp;Signaler un changement de plateforme…</translation>
    </message>
</context>
<context>
    <name>PlatformError</name>
    <message>
        <source>{0} sent us round in circles (too many redirects)</source>
        <translation>{0} nous fait tourner en rond (trop de redirections)</translation>
    </message>
    <message>
        <source>{0} did not answer in time</source>
        <translation>{0} n’a pas répondu à temps</translation>
    </message>
    <message>
        <source>cannot connect to {0}</source>
        <translation>impossible de se connecter à {0}</translation>
    </message>
    <message>
        <source>{0} stopped answering half way</source>
        <translation>{0} a cessé de répondre en cours de route</translation>
    </message>
    <message>
        <source>{0} sent a reply of {1} MB; it was refused</source>
        <translation>{0} a envoyé une réponse de {1} Mo&#xa0;; elle a été refusée</translation>
    </message>
    <message>
        <source>{0} sent a reply of more than {1} MB; it was refused</source>
        <translation>{0} a envoyé une réponse de plus de {1} Mo&#xa0;; elle a été refusée</translation>
    </message>
    <message>
        <source>the request to {0} failed ({1})</source>
        <translation>la requête vers {0} a échoué ({1})</translation>
    </message>
    <message>
        <source>{0} is too slow to answer</source>
        <translation>{0} est trop lent à répondre</translation>
    </message>
    <message>
        <source>the server answered with something that is not JSON</source>
        <translation>le serveur a répondu par autre chose que du JSON</translation>
    </message>
    <message>
        <source>the server answered with a JSON {0}, not an object</source>
        <translation>le serveur a répondu par un {0} JSON au lieu d’un objet</translation>
    </message>
    <message>
        <source>an id in the reply holds characters no address can carry</source>
        <translation>un identifiant de la réponse contient des caractères qu’aucune adresse ne peut porter</translation>
    </message>
    <message>
        <source>{0} asked us to slow down for {1} s</source>
        <translation>{0} nous demande de ralentir pendant {1} s</translation>
    </message>
    <message>
        <source>{0} asked us to slow down; try again in {1} s</source>
        <translation>{0} nous demande de ralentir&#xa0;; réessayez dans {1} s</translation>
    </message>
    <message>
        <source>{0} is having trouble (HTTP {1}); trying again later</source>
        <translation>{0} rencontre des difficultés (HTTP {1})&#xa0;; nouvel essai plus tard</translation>
    </message>
    <message>
        <source>{0} is having trouble (HTTP {1}); try again later</source>
        <translation>{0} rencontre des difficultés (HTTP {1})&#xa0;; réessayez plus tard</translation>
    </message>
    <message>
        <source>{0} refused the request (HTTP {1})</source>
        <translation>{0} a refusé la requête (HTTP {1})</translation>
    </message>
    <message>
        <source>{0} reported an error: {1}</source>
        <translation>{0} signale une erreur&#xa0;: {1}</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>sans raison donnée</translation>
    </message>
</context>
<context>
    <name>PlatformSpec</name>
    <message>
        <source>BitLabs links a support form to each survey of its history.</source>
        <translation>BitLabs met un formulaire d’aide à chaque enquête de son historique.</translation>
    </message>
    <message>
        <source>User id</source>
        <translation>Identifiant utilisateur</translation>
    </message>
    <message>
        <source>Currency the app pays in (ISO code)</source>
        <translation>Monnaie de paiement de l’application (code ISO)</translation>
    </message>
    <message>
        <source>App id</source>
        <translation>Identifiant de l’application</translation>
    </message>
    <message>
        <source>Your user id in the app</source>
        <translation>Votre identifiant dans l’application</translation>
    </message>
    <message>
        <source>On MTurk, write to the requester (Contact the Requester, on the HIT). A requester can reverse a rejection only within 30 days of your submission.</source>
        <translation>Sur MTurk, écrivez au demandeur (Contact the Requester, sur la tâche). Un demandeur ne peut annuler un refus que dans les 30&#xa0;jours suivant votre envoi.</translation>
    </message>
    <message>
        <source>Lowest reward (USD)</source>
        <translation>Rémunération minimale (USD)</translation>
    </message>
    <message>
        <source>Language of task texts</source>
        <translation>Langue des textes des tâches</translation>
    </message>
    <message>
        <source>On Prolific, write to the study&apos;s researcher through Prolific&apos;s messages.</source>
        <translation>Sur Prolific, écrivez au chercheur de l’étude par la messagerie de Prolific.</translation>
    </message>
</context>
<context>
    <name>PointsValueDialog</name>
    <message>
        <source>Value of points</source>
        <translation>Valeur des points</translation>
    </message>
    <message>
        <source>Survey walls count in the points of the rewards site they are on, and never say what a point is worth. Say it here, as your rewards site&apos;s cash-out page shows it: from its next check of the wall, SurveyDesk counts those points as money from that day on. Until you do, surveys show the price the wall is paid, and rewards in points wait outside your earnings.</source>
        <translation>Les murs de sondages comptent en points du site de récompenses où ils se trouvent, et ne disent jamais ce que vaut un point. Indiquez-le ici, comme le montre la page de retrait de votre site de récompenses&#xa0;: dès sa prochaine vérification du mur, SurveyDesk compte ces points comme de l’argent à partir de ce jour. D’ici là, les sondages affichent le prix payé au mur, et les gains en points attendent en dehors de vos gains.</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>From</source>
        <translation>À partir du</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>Worth</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Values of points kept</source>
        <translation>Valeurs des points conservées</translation>
    </message>
    <message>
        <source>Account whose points these are</source>
        <translation>Compte auquel appartiennent ces points</translation>
    </message>
    <message>
        <source>First day of this value</source>
        <translation>Premier jour de cette valeur</translation>
    </message>
    <message>
        <source>Number of points</source>
        <translation>Nombre de points</translation>
    </message>
    <message>
        <source>What these points are worth</source>
        <translation>Ce que valent ces points</translation>
    </message>
    <message>
        <source>Currency of their worth</source>
        <translation>Devise de leur valeur</translation>
    </message>
    <message>
        <source>Keep this value</source>
        <translation>Conserver cette valeur</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>Supprimer la sélection</translation>
    </message>
    <message>
        <source>from</source>
        <translation>à partir du</translation>
    </message>
    <message>
        <source>points are worth</source>
        <translation>points valent</translation>
    </message>
    <message>
        <source>Connect a survey wall in Accounts first.</source>
        <translation>Connectez d’abord un mur de sondages dans Comptes.</translation>
    </message>
    <message>
        <source>Not kept: enter a number of points such as 1000 and what they are worth, such as {0}.</source>
        <translation>Non conservée&#xa0;: saisissez un nombre de points comme 1000 et ce qu’ils valent, comme {0}.</translation>
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
    <message>
        <source>Internal error; see the log file</source>
        <translation>Erreur interne&#xa0;; consultez le fichier journal</translation>
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
        <translation>Votre profil</translation>
    </message>
    <message>
        <source>%v of %m answered</source>
        <translation>%v sur&#xa0;%m renseignés</translation>
    </message>
    <message>
        <source>Your own answers, kept on this computer only. Every field may stay empty. For each platform you choose what it may receive; nothing is sent anywhere you did not allow.</source>
        <translation>Vos propres réponses, gardées sur cet ordinateur uniquement. Chaque champ peut rester vide. Pour chaque plateforme, vous choisissez ce qu’elle peut recevoir&#xa0;; rien n’est envoyé là où vous ne l’avez pas permis.</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>Your answer</source>
        <translation>Votre réponse</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Plateforme</translation>
    </message>
    <message>
        <source>Forget the selected answer</source>
        <translation>Oublier la réponse sélectionnée</translation>
    </message>
    <message>
        <source>Other answers</source>
        <translation>Autres réponses</translation>
    </message>
    <message>
        <source>profiler question</source>
        <translation>question de profilage</translation>
    </message>
    <message>
        <source>survey request</source>
        <translation>demande d’enquête</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>First</source>
        <translation>Première fois</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>Dernière fois</translation>
    </message>
    <message>
        <source>Times</source>
        <translation>Fois</translation>
    </message>
    <message>
        <source>What was sent where</source>
        <translation>Envois aux plateformes</translation>
    </message>
    <message>
        <source>Screener answers</source>
        <translation>Présélections</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Export my profile…</source>
        <translation>Exporter mon profil…</translation>
    </message>
    <message>
        <source>Delete my profile…</source>
        <translation>Supprimer mon profil…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Your profile is empty. Start with “About you”: answer what you like, leave the rest empty, then Save. Each answer stays on this computer until you allow a platform to receive it.</source>
        <translation>Votre profil est vide. Commencez par «&#xa0;À propos de vous&#xa0;»&#xa0;: répondez à ce que vous voulez, laissez le reste vide, puis Enregistrer. Chaque réponse reste sur cet ordinateur tant que vous ne permettez pas à une plateforme de la recevoir.</translation>
    </message>
    <message>
        <source>{0}:</source>
        <translation>{0}&#xa0;:</translation>
    </message>
    <message>
        <source>Record what you answered a screener (a platform&apos;s qualifying questions). SurveyDesk warns you when it disagrees with your profile or an earlier answer: platforms reject participants whose answers disagree.</source>
        <translation>Notez ce que vous avez répondu à une présélection (les questions de qualification d’une plateforme). SurveyDesk vous prévient quand cela contredit votre profil ou une réponse antérieure&#xa0;: les plateformes écartent les participants dont les réponses se contredisent.</translation>
    </message>
    <message>
        <source>e.g. Prolific</source>
        <translation>p. ex. Prolific</translation>
    </message>
    <message>
        <source>Record this answer</source>
        <translation>Noter cette réponse</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Où</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Réponse</translation>
    </message>
    <message>
        <source>Screener answers you recorded</source>
        <translation>Réponses de présélection notées</translation>
    </message>
    <message>
        <source>Where:</source>
        <translation>Où&#xa0;:</translation>
    </message>
    <message>
        <source>Question:</source>
        <translation>Question&#xa0;:</translation>
    </message>
    <message>
        <source>Your answer:</source>
        <translation>Votre réponse&#xa0;:</translation>
    </message>
    <message>
        <source>Some answers need a look before they can be saved.</source>
        <translation>Certaines réponses sont à revoir avant de pouvoir être enregistrées.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
    <message>
        <source>Unsaved answers</source>
        <translation>Réponses non enregistrées</translation>
    </message>
    <message>
        <source>Some answers or sharing choices were changed and not saved. Save them before closing?</source>
        <translation>Des réponses ou des choix de partage ont été modifiés sans être enregistrés. Les enregistrer avant de fermer&#xa0;?</translation>
    </message>
    <message>
        <source>Exported to {0}.</source>
        <translation>Exporté dans {0}.</translation>
    </message>
    <message>
        <source>Your profile was deleted from this computer.</source>
        <translation>Votre profil a été supprimé de cet ordinateur.</translation>
    </message>
    <message>
        <source>Enter the answer you gave.</source>
        <translation>Saisissez la réponse que vous avez donnée.</translation>
    </message>
    <message>
        <source>Say where you answered it.</source>
        <translation>Indiquez où vous y avez répondu.</translation>
    </message>
    <message>
        <source>Recorded; it disagrees with nothing you told SurveyDesk.</source>
        <translation>Noté&#xa0;; cela ne contredit rien de ce que vous avez dit à SurveyDesk.</translation>
    </message>
    <message>
        <source>Export your profile</source>
        <translation>Exporter votre profil</translation>
    </message>
    <message>
        <source>surveydesk-profile</source>
        <translation>surveydesk-profil</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>Fichiers JSON (*.json)</translation>
    </message>
    <message>
        <source>Delete my profile</source>
        <translation>Supprimer mon profil</translation>
    </message>
    <message>
        <source>Delete every answer of your profile, your sharing choices, the record of what was sent where and your screener answers from this computer? This cannot be undone. What platforms already received stays with them.</source>
        <translation>Supprimer de cet ordinateur toutes les réponses de votre profil, vos choix de partage, la trace de ce qui a été envoyé et où, et vos réponses de présélection&#xa0;? C’est irréversible. Ce que les plateformes ont déjà reçu reste chez elles.</translation>
    </message>
</context>
<context>
    <name>ProfilerDialog</name>
    <message>
        <source>Save my answer to my profile</source>
        <translation>Enregistrer ma réponse dans mon profil</translation>
    </message>
    <message>
        <source>Before the survey: {0}&apos;s questions</source>
        <translation>Avant l’enquête&#xa0;: les questions de {0}</translation>
    </message>
    <message>
        <source>From now on, send this answer to {0} without asking</source>
        <translation>Désormais, envoyer cette réponse à {0} sans me demander</translation>
    </message>
    <message>
        <source>Questions already answered from your profile</source>
        <translation>Questions déjà répondues depuis votre profil</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Passer</translation>
    </message>
    <message>
        <source>Leave the survey</source>
        <translation>Quitter l’enquête</translation>
    </message>
    <message>
        <source>Open in the browser instead</source>
        <translation>Ouvrir plutôt dans le navigateur</translation>
    </message>
    <message>
        <source>Answered from your profile without asking, as you chose:</source>
        <translation>Répondu depuis votre profil sans vous demander, comme vous l’avez choisi&#xa0;:</translation>
    </message>
    <message>
        <source>Asking {0} for the survey&apos;s questions…</source>
        <translation>Demande des questions de l’enquête à {0}…</translation>
    </message>
    <message>
        <source>{0}&apos;s questions are done; the survey opens.</source>
        <translation>Les questions de {0} sont terminées&#xa0;; l’enquête s’ouvre.</translation>
    </message>
    <message>
        <source>Send anyway</source>
        <translation>Envoyer quand même</translation>
    </message>
    <message>
        <source>Skipping…</source>
        <translation>Passage de la question…</translation>
    </message>
    <message>
        <source>Leaving the survey…</source>
        <translation>Sortie de l’enquête…</translation>
    </message>
    <message>
        <source>Sending your answer…</source>
        <translation>Envoi de votre réponse…</translation>
    </message>
    <message>
        <source>Question {0} of {1}</source>
        <translation>Question {0} sur {1}</translation>
    </message>
    <message>
        <source>You left the survey; nothing more was sent.</source>
        <translation>Vous avez quitté l’enquête&#xa0;; rien de plus n’a été envoyé.</translation>
    </message>
    <message>
        <source>An error of ours; see the log file.</source>
        <translation>Une erreur de notre part&#xa0;; consultez le fichier journal.</translation>
    </message>
    <message>
        <source>Filled in from your profile. Check it, then send.</source>
        <translation>Rempli depuis votre profil. Vérifiez, puis envoyez.</translation>
    </message>
    <message>
        <source>Your profile has no answer you allow for “{0}”. What you answer can be saved to it.</source>
        <translation>Votre profil n’a pas de réponse autorisée pour «&#xa0;{0}&#xa0;». Ce que vous répondez peut y être enregistré.</translation>
    </message>
    <message>
        <source>This survey&apos;s own question. What you answer can be saved for next time.</source>
        <translation>Une question propre à cette enquête. Ce que vous répondez peut être enregistré pour la prochaine fois.</translation>
    </message>
</context>
<context>
    <name>ProlificConnector</name>
    <message>
        <source>Not signed in to Prolific: sign in from Accounts</source>
        <translation>Pas de connexion à Prolific&#xa0;: connectez-vous depuis Comptes</translation>
    </message>
    <message>
        <source>Prolific says your sign-in has expired: sign in to Prolific again</source>
        <translation>Prolific indique que votre connexion a expiré&#xa0;: reconnectez-vous à Prolific</translation>
    </message>
    <message>
        <source>Prolific&apos;s list of studies went on for more than {0} pages</source>
        <translation>La liste d’études de Prolific dépasse {0} pages</translation>
    </message>
    <message>
        <source>Prolific did not reserve a place: {0}</source>
        <translation>Prolific n’a pas réservé de place&#xa0;: {0}</translation>
    </message>
    <message>
        <source>Prolific did not reserve a place: no reason given (HTTP {0})</source>
        <translation>Prolific n’a pas réservé de place&#xa0;: sans raison donnée (HTTP {0})</translation>
    </message>
    <message>
        <source>Prolific&apos;s answer holds no reservation; look at the study in your browser</source>
        <translation>La réponse de Prolific ne contient aucune réservation&#xa0;; consultez l’étude dans votre navigateur</translation>
    </message>
    <message>
        <source>Prolific did not say who is signed in; look at the study in your browser</source>
        <translation>Prolific n’a pas dit qui est connecté&#xa0;; consultez l’étude dans votre navigateur</translation>
    </message>
    <message>
        <source>Prolific&apos;s link to the next page is not an address</source>
        <translation>Le lien de Prolific vers la page suivante n’est pas une adresse</translation>
    </message>
    <message>
        <source>Prolific&apos;s link to the next page points to another server</source>
        <translation>Le lien de Prolific vers la page suivante mène à un autre serveur</translation>
    </message>
    <message>
        <source>a study in Prolific&apos;s list is not an object</source>
        <translation>une étude de la liste de Prolific n’est pas un objet</translation>
    </message>
    <message>
        <source>a study in Prolific&apos;s list has no id</source>
        <translation>une étude de la liste de Prolific n’a pas d’identifiant</translation>
    </message>
    <message>
        <source>study {0} has no name</source>
        <translation>l’étude {0} n’a pas de nom</translation>
    </message>
    <message>
        <source>study {0} has no reward</source>
        <translation>l’étude {0} n’a pas de récompense</translation>
    </message>
    <message>
        <source>study {0} has a reward of the wrong type: {1}</source>
        <translation>l’étude {0} a une récompense du mauvais type&#xa0;: {1}</translation>
    </message>
    <message>
        <source>study {0} has an unreadable reward: {1}</source>
        <translation>l’étude {0} a une récompense illisible&#xa0;: {1}</translation>
    </message>
    <message>
        <source>Prolific&apos;s answer has no list of studies</source>
        <translation>La réponse de Prolific ne contient pas de liste d’études</translation>
    </message>
</context>
<context>
    <name>ProlificEarnings</name>
    <message>
        <source>Prolific&apos;s list of submissions went on for more than {0} pages</source>
        <translation>La liste de soumissions de Prolific dépasse {0} pages</translation>
    </message>
    <message>
        <source>Prolific&apos;s link to the next page is not an address</source>
        <translation>Le lien de Prolific vers la page suivante n’est pas une adresse</translation>
    </message>
    <message>
        <source>Prolific&apos;s link to the next page points elsewhere</source>
        <translation>Le lien de Prolific vers la page suivante mène ailleurs</translation>
    </message>
    <message>
        <source>Prolific&apos;s link to the next page names no page</source>
        <translation>Le lien de Prolific vers la page suivante ne désigne aucune page</translation>
    </message>
    <message>
        <source>a submission in Prolific&apos;s list is not an object</source>
        <translation>une soumission de la liste de Prolific n’est pas un objet</translation>
    </message>
    <message>
        <source>submission {0}</source>
        <translation>la soumission {0}</translation>
    </message>
    <message>
        <source>{0} has no time</source>
        <translation>{0}&#xa0;: aucune heure</translation>
    </message>
    <message>
        <source>{0} has a status SurveyDesk does not know: {1}</source>
        <translation>{0}&#xa0;: statut que SurveyDesk ne connaît pas&#xa0;: {1}</translation>
    </message>
    <message>
        <source>a submission&apos;s bonuses are not a list</source>
        <translation>les bonus d’une soumission ne sont pas une liste</translation>
    </message>
    <message>
        <source>Prolific&apos;s answer has no list of submissions</source>
        <translation>La réponse de Prolific ne contient pas de liste de soumissions</translation>
    </message>
    <message>
        <source>Bonus: {0}</source>
        <translation>Bonus&#xa0;: {0}</translation>
    </message>
</context>
<context>
    <name>ProlificSignIn</name>
    <message>
        <source>Prolific signed you out: sign in to Prolific again</source>
        <translation>Prolific a fermé votre session&#xa0;: reconnectez-vous à Prolific</translation>
    </message>
    <message>
        <source>Prolific&apos;s page did not give SurveyDesk what it needs; please sign in again</source>
        <translation>La page de Prolific n’a pas donné à SurveyDesk ce dont il a besoin&#xa0;; veuillez vous reconnecter</translation>
    </message>
</context>
<context>
    <name>Question</name>
    <message>
        <source>Give an answer, or skip the question if it may be skipped.</source>
        <translation>Donnez une réponse, ou passez la question si elle peut l’être.</translation>
    </message>
    <message>
        <source>This question takes one answer.</source>
        <translation>Cette question attend une seule réponse.</translation>
    </message>
    <message>
        <source>Enter a past date as year-month-day, e.g. 1990-04-17.</source>
        <translation>Saisissez une date passée sous la forme année-mois-jour, par exemple 1990-04-17.</translation>
    </message>
    <message>
        <source>The survey asks for an age of at least {0}.</source>
        <translation>L’enquête demande un âge d’au moins {0} ans.</translation>
    </message>
    <message>
        <source>The survey asks for an age of at most {0}.</source>
        <translation>L’enquête demande un âge d’au plus {0} ans.</translation>
    </message>
    <message>
        <source>This answer is not in the form the survey asks for.</source>
        <translation>Cette réponse n’a pas la forme que demande l’enquête.</translation>
    </message>
</context>
<context>
    <name>RatesDialog</name>
    <message>
        <source>Exchange rates</source>
        <translation>Taux de change</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Devise</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>1 EUR buys</source>
        <translation>1 EUR vaut</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Exchange rates kept</source>
        <translation>Taux de change enregistrés</translation>
    </message>
    <message>
        <source>Currency of the new rate</source>
        <translation>Devise du nouveau taux</translation>
    </message>
    <message>
        <source>Date of the new rate</source>
        <translation>Date du nouveau taux</translation>
    </message>
    <message>
        <source>How much of the currency 1 EUR buys</source>
        <translation>Combien de cette devise vaut 1 EUR</translation>
    </message>
    <message>
        <source>Keep this rate</source>
        <translation>Garder ce taux</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>Supprimer la sélection</translation>
    </message>
    <message>
        <source>Update from the ECB</source>
        <translation>Mettre à jour depuis la BCE</translation>
    </message>
    <message>
        <source>An amount is converted with the latest rate dated on or before its day; with none that old it is not converted, and the totals say so. Rates you keep here are never replaced by the ECB&apos;s.</source>
        <translation>Un montant est converti au dernier taux daté de son jour ou d’avant&#xa0;; s’il n’y en a aucun d’assez ancien, il n’est pas converti, et les totaux le signalent. Les taux que vous gardez ici ne sont jamais remplacés par ceux de la BCE.</translation>
    </message>
    <message>
        <source>ECB</source>
        <translation>BCE</translation>
    </message>
    <message>
        <source>you</source>
        <translation>vous</translation>
    </message>
    <message>
        <source>Not kept: {0}. Enter a currency such as USD and a rate such as 1.0921.</source>
        <translation>Non enregistré&#xa0;: {0}. Saisissez une devise comme USD et un taux comme 1.0921.</translation>
    </message>
    <message>
        <source>{0} rates from the ECB are new or changed.</source>
        <translation>{0} taux de la BCE sont nouveaux ou modifiés.</translation>
    </message>
</context>
<context>
    <name>ReconciliationService</name>
    <message>
        <source>Offline: syncs when the network is back</source>
        <translation>Hors ligne&#xa0;: synchronisation au retour du réseau</translation>
    </message>
    <message>
        <source>Syncing earnings…</source>
        <translation>Synchronisation des gains…</translation>
    </message>
    <message>
        <source>Internal error; see the log file</source>
        <translation>Erreur interne&#xa0;; consultez le fichier journal</translation>
    </message>
    <message>
        <source>Part read; the rest at the next sync</source>
        <translation>Lu en partie&#xa0;; la suite à la prochaine synchronisation</translation>
    </message>
    <message>
        <source>Cancelled; goes on at the next sync</source>
        <translation>Annulée&#xa0;; reprend à la prochaine synchronisation</translation>
    </message>
    <message>
        <source>Stopped; resumes next time</source>
        <translation>Arrêté&#xa0;; reprendra la prochaine fois</translation>
    </message>
</context>
<context>
    <name>Reputation</name>
    <message>
        <source>1 done</source>
        <translation>1 faite</translation>
    </message>
    <message>
        <source>{0} done</source>
        <translation>{0} faites</translation>
    </message>
    <message>
        <source>1 screen-out</source>
        <translation>1 non-qualification</translation>
    </message>
    <message>
        <source>{0} screen-outs</source>
        <translation>{0} non-qualifications</translation>
    </message>
    <message>
        <source>1 returned</source>
        <translation>1 rendue</translation>
    </message>
    <message>
        <source>{0} returned</source>
        <translation>{0} rendues</translation>
    </message>
    <message>
        <source>1 of {0} rejected</source>
        <translation>1 refusée sur {0}</translation>
    </message>
    <message>
        <source>{0} of {1} rejected</source>
        <translation>{0} refusées sur {1}</translation>
    </message>
    <message>
        <source>1 approved</source>
        <translation>1 approuvée</translation>
    </message>
    <message>
        <source>{0} approved</source>
        <translation>{0} approuvées</translation>
    </message>
    <message>
        <source>1 of {0} claims unpaid</source>
        <translation>réclamations&#xa0;: 1 sur {0} non payée</translation>
    </message>
    <message>
        <source>{0} of {1} claims unpaid</source>
        <translation>réclamations&#xa0;: {0} sur {1} non payées</translation>
    </message>
    <message>
        <source>1 claim paid</source>
        <translation>1 réclamation payée</translation>
    </message>
    <message>
        <source>{0} claims paid</source>
        <translation>{0} réclamations payées</translation>
    </message>
    <message>
        <source>{0}/h</source>
        <translation>{0}/h</translation>
    </message>
</context>
<context>
    <name>Rules</name>
    <message>
        <source>is on {0}, not one of your platforms</source>
        <translation>est sur {0}, qui n’est pas l’une de vos plateformes</translation>
    </message>
    <message>
        <source>its requester is on your blocked list</source>
        <translation>son demandeur est dans votre liste de blocage</translation>
    </message>
    <message>
        <source>its requester is not on your allowed list</source>
        <translation>son demandeur n’est pas dans votre liste d’autorisation</translation>
    </message>
    <message>
        <source>pays {0}, under your minimum of {1} ({2} at the rate of {3})</source>
        <translation>paie {0}, sous votre minimum de {1} ({2} au taux du {3})</translation>
    </message>
    <message>
        <source>pays {0}, under your minimum of {1}</source>
        <translation>paie {0}, sous votre minimum de {1}</translation>
    </message>
    <message>
        <source>pays {0} an hour, under your minimum of {1} an hour ({2} at the rate of {3})</source>
        <translation>paie {0} de l’heure, sous votre minimum de {1} de l’heure ({2} au taux du {3})</translation>
    </message>
    <message>
        <source>pays {0} an hour, under your minimum of {1} an hour</source>
        <translation>paie {0} de l’heure, sous votre minimum de {1} de l’heure</translation>
    </message>
    <message>
        <source>takes about 1 minute, over your maximum of {1}</source>
        <translation>prend environ 1 minute, au-delà de votre maximum de {1}</translation>
    </message>
    <message>
        <source>takes about {0} minutes, over your maximum of {1}</source>
        <translation>prend environ {0} minutes, au-delà de votre maximum de {1}</translation>
    </message>
    <message>
        <source>has 1 place left, under your minimum of {1}</source>
        <translation>n’a plus qu’une place, sous votre minimum de {1}</translation>
    </message>
    <message>
        <source>has {0} places left, under your minimum of {1}</source>
        <translation>n’a plus que {0} places, sous votre minimum de {1}</translation>
    </message>
    <message>
        <source>needs a device you do not have (you have: {0})</source>
        <translation>demande un appareil que vous n’avez pas (vous avez&#xa0;: {0})</translation>
    </message>
    <message>
        <source>mentions “{0}”, one of your excluded words</source>
        <translation>mentionne «&#xa0;{0}&#xa0;», l’un de vos mots exclus</translation>
    </message>
    <message>
        <source>mentions none of your words: {0}</source>
        <translation>ne mentionne aucun de vos mots&#xa0;: {0}</translation>
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
        <translation>Masquer les tâches que mon profil m’empêche de prendre</translation>
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
        <translation>Mon profil&#xa0;:</translation>
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
        <translation>À propos de vous</translation>
    </message>
    <message>
        <source>Age, gender and where you live decide most survey quotas. Answered once here, they stop the same questions at the start of every survey, and a task you cannot take is marked before you spend time on it.</source>
        <translation>L’âge, le genre et le lieu de résidence décident de la plupart des quotas d’enquête. Répondus une fois ici, ils vous épargnent les mêmes questions au début de chaque enquête, et une tâche que vous ne pouvez pas prendre est signalée avant que vous n’y passiez du temps.</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Foyer</translation>
    </message>
    <message>
        <source>Many consumer surveys look for households of a certain size, with or without children, or in an income band. Answering in advance avoids being screened out after minutes of unpaid questions.</source>
        <translation>Beaucoup d’enquêtes de consommation cherchent des foyers d’une certaine taille, avec ou sans enfants, ou d’une tranche de revenus. Répondre à l’avance évite d’être écarté après des minutes de questions non payées.</translation>
    </message>
    <message>
        <source>Work and education</source>
        <translation>Travail et études</translation>
    </message>
    <message>
        <source>Studies on jobs, professions and education screen on these. Keeping them the same everywhere also keeps your answers consistent, which platforms check.</source>
        <translation>Les études sur l’emploi, les métiers et la formation font leur sélection là-dessus. Les garder identiques partout rend aussi vos réponses cohérentes, ce que les plateformes vérifient.</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Appareils</translation>
    </message>
    <message>
        <source>Prolific and others say which devices and peripherals a study needs. With yours listed, SurveyDesk marks the studies you could not finish.</source>
        <translation>Prolific et d’autres indiquent les appareils et périphériques dont une étude a besoin. Avec les vôtres renseignés, SurveyDesk signale les études que vous ne pourriez pas terminer.</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <source>As on your ID, e.g. 1990-04-17</source>
        <translation>Comme sur votre pièce d’identité, p. ex. 1990-04-17</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Genre</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Femme</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Homme</translation>
    </message>
    <message>
        <source>Non-binary</source>
        <translation>Non binaire</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <source>Country of residence</source>
        <translation>Pays de résidence</translation>
    </message>
    <message>
        <source>Two-letter code, e.g. GB, US, DE</source>
        <translation>Code à deux lettres, p. ex. FR, BE, CH</translation>
    </message>
    <message>
        <source>Region or state</source>
        <translation>Région ou État</translation>
    </message>
    <message>
        <source>e.g. Bavaria, California</source>
        <translation>p. ex. Bretagne, Wallonie</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>Code postal</translation>
    </message>
    <message>
        <source>e.g. 80331, SW1A 1AA</source>
        <translation>p. ex. 75011, 1000</translation>
    </message>
    <message>
        <source>Languages you speak fluently</source>
        <translation>Langues que vous parlez couramment</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Anglais</translation>
    </message>
    <message>
        <source>German</source>
        <translation>Allemand</translation>
    </message>
    <message>
        <source>French</source>
        <translation>Français</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>Espagnol</translation>
    </message>
    <message>
        <source>Italian</source>
        <translation>Italien</translation>
    </message>
    <message>
        <source>Portuguese</source>
        <translation>Portugais</translation>
    </message>
    <message>
        <source>Dutch</source>
        <translation>Néerlandais</translation>
    </message>
    <message>
        <source>Polish</source>
        <translation>Polonais</translation>
    </message>
    <message>
        <source>Turkish</source>
        <translation>Turc</translation>
    </message>
    <message>
        <source>Arabic</source>
        <translation>Arabe</translation>
    </message>
    <message>
        <source>Hindi</source>
        <translation>Hindi</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>Chinois</translation>
    </message>
    <message>
        <source>Japanese</source>
        <translation>Japonais</translation>
    </message>
    <message>
        <source>Another language</source>
        <translation>Une autre langue</translation>
    </message>
    <message>
        <source>Marital status</source>
        <translation>Situation familiale</translation>
    </message>
    <message>
        <source>Single</source>
        <translation>Célibataire</translation>
    </message>
    <message>
        <source>Living with a partner</source>
        <translation>En couple</translation>
    </message>
    <message>
        <source>Married or civil partnership</source>
        <translation>Marié(e) ou pacsé(e)</translation>
    </message>
    <message>
        <source>Separated or divorced</source>
        <translation>Séparé(e) ou divorcé(e)</translation>
    </message>
    <message>
        <source>Widowed</source>
        <translation>Veuf ou veuve</translation>
    </message>
    <message>
        <source>People in your household</source>
        <translation>Personnes dans votre foyer</translation>
    </message>
    <message>
        <source>Yourself included</source>
        <translation>Vous compris</translation>
    </message>
    <message>
        <source>Children under 18 in your household</source>
        <translation>Enfants de moins de 18 ans dans votre foyer</translation>
    </message>
    <message>
        <source>Household income per year, before tax</source>
        <translation>Revenus annuels du foyer, avant impôts</translation>
    </message>
    <message>
        <source>In your own currency</source>
        <translation>Dans votre propre devise</translation>
    </message>
    <message>
        <source>Under 15,000</source>
        <translation>Moins de 15&#xa0;000</translation>
    </message>
    <message>
        <source>15,000 to 29,999</source>
        <translation>15&#xa0;000 à 29&#xa0;999</translation>
    </message>
    <message>
        <source>30,000 to 49,999</source>
        <translation>30&#xa0;000 à 49&#xa0;999</translation>
    </message>
    <message>
        <source>50,000 to 74,999</source>
        <translation>50&#xa0;000 à 74&#xa0;999</translation>
    </message>
    <message>
        <source>75,000 to 99,999</source>
        <translation>75&#xa0;000 à 99&#xa0;999</translation>
    </message>
    <message>
        <source>100,000 to 149,999</source>
        <translation>100&#xa0;000 à 149&#xa0;999</translation>
    </message>
    <message>
        <source>150,000 or more</source>
        <translation>150&#xa0;000 ou plus</translation>
    </message>
    <message>
        <source>I would rather not say</source>
        <translation>Je préfère ne pas répondre</translation>
    </message>
    <message>
        <source>Highest education completed</source>
        <translation>Plus haut diplôme obtenu</translation>
    </message>
    <message>
        <source>No formal qualification</source>
        <translation>Aucun diplôme</translation>
    </message>
    <message>
        <source>Secondary school</source>
        <translation>Études secondaires</translation>
    </message>
    <message>
        <source>Vocational training</source>
        <translation>Formation professionnelle</translation>
    </message>
    <message>
        <source>Bachelor&apos;s degree</source>
        <translation>Licence</translation>
    </message>
    <message>
        <source>Master&apos;s degree</source>
        <translation>Master</translation>
    </message>
    <message>
        <source>Doctorate</source>
        <translation>Doctorat</translation>
    </message>
    <message>
        <source>Employment status</source>
        <translation>Situation professionnelle</translation>
    </message>
    <message>
        <source>Employed full-time</source>
        <translation>Salarié(e) à temps plein</translation>
    </message>
    <message>
        <source>Employed part-time</source>
        <translation>Salarié(e) à temps partiel</translation>
    </message>
    <message>
        <source>Self-employed</source>
        <translation>Indépendant(e)</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>Étudiant(e)</translation>
    </message>
    <message>
        <source>Looking for work</source>
        <translation>En recherche d’emploi</translation>
    </message>
    <message>
        <source>Homemaker</source>
        <translation>Au foyer</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>Retraité(e)</translation>
    </message>
    <message>
        <source>Unable to work</source>
        <translation>Dans l’incapacité de travailler</translation>
    </message>
    <message>
        <source>Occupation</source>
        <translation>Profession</translation>
    </message>
    <message>
        <source>e.g. nurse, software developer</source>
        <translation>p. ex. infirmier, développeuse</translation>
    </message>
    <message>
        <source>Industry you work in</source>
        <translation>Secteur d’activité</translation>
    </message>
    <message>
        <source>Agriculture</source>
        <translation>Agriculture</translation>
    </message>
    <message>
        <source>Construction</source>
        <translation>Construction</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>Enseignement</translation>
    </message>
    <message>
        <source>Finance and insurance</source>
        <translation>Finance et assurance</translation>
    </message>
    <message>
        <source>Government and public administration</source>
        <translation>Administration publique</translation>
    </message>
    <message>
        <source>Health and social care</source>
        <translation>Santé et action sociale</translation>
    </message>
    <message>
        <source>Hospitality and food</source>
        <translation>Hôtellerie et restauration</translation>
    </message>
    <message>
        <source>Information technology</source>
        <translation>Informatique</translation>
    </message>
    <message>
        <source>Manufacturing</source>
        <translation>Industrie manufacturière</translation>
    </message>
    <message>
        <source>Media and marketing</source>
        <translation>Médias et marketing</translation>
    </message>
    <message>
        <source>Retail</source>
        <translation>Commerce de détail</translation>
    </message>
    <message>
        <source>Transport and logistics</source>
        <translation>Transport et logistique</translation>
    </message>
    <message>
        <source>Another industry</source>
        <translation>Un autre secteur</translation>
    </message>
    <message>
        <source>Devices you can take surveys on</source>
        <translation>Appareils sur lesquels vous pouvez répondre aux enquêtes</translation>
    </message>
    <message>
        <source>Desktop or laptop computer</source>
        <translation>Ordinateur fixe ou portable</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>Téléphone mobile</translation>
    </message>
    <message>
        <source>Tablet</source>
        <translation>Tablette</translation>
    </message>
    <message>
        <source>What your computer has or allows</source>
        <translation>Ce que votre ordinateur a ou permet</translation>
    </message>
    <message>
        <source>Webcam</source>
        <translation>Webcam</translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation>Micro</translation>
    </message>
    <message>
        <source>Speakers or headphones</source>
        <translation>Haut-parleurs ou casque</translation>
    </message>
    <message>
        <source>I may download and install software</source>
        <translation>Je peux télécharger et installer des logiciels</translation>
    </message>
</context>
<context>
    <name>ScreenOutHistory</name>
    <message>
        <source>{0} of your {1} attempts on this requester ended screened out</source>
        <translation>{0} de vos {1} tentatives chez ce demandeur se sont soldées par une non-qualification</translation>
    </message>
    <message>
        <source>{0} of your {1} attempts on this platform ended screened out</source>
        <translation>{0} de vos {1} tentatives sur cette plateforme se sont soldées par une non-qualification</translation>
    </message>
</context>
<context>
    <name>SecretsWithRunOnlyFallback</name>
    <message>
        <source>{0}

Keep it for this run of SurveyDesk only? It will not be written anywhere.</source>
        <translation>{0}

Le garder pour cette session de SurveyDesk seulement&#xa0;? Il ne sera écrit nulle part.</translation>
    </message>
    <message>
        <source>No keyring</source>
        <translation>Pas de trousseau</translation>
    </message>
</context>
<context>
    <name>SetAside</name>
    <message>
        <source>Some of your {0} rewards are in your rewards site&apos;s points. Say what they are worth in History, Value of points…, and SurveyDesk adds them to your earnings.</source>
        <translation>Certains de vos gains {0} sont en points de votre site de récompenses. Indiquez ce qu’ils valent dans Historique, Valeur des points…, et SurveyDesk les ajoute à vos gains.</translation>
    </message>
    <message>
        <source>{0} sent a kind of record SurveyDesk does not know ({1}); it is left out of your earnings.</source>
        <translation>{0} a envoyé un type d’enregistrement que SurveyDesk ne connaît pas ({1})&#xa0;; il est laissé hors de vos gains.</translation>
    </message>
</context>
<context>
    <name>ShapeReport</name>
    <message>
        <source>{0}: missing</source>
        <translation>{0} : absent</translation>
    </message>
    <message>
        <source>{0}: {1} expected, {2} found</source>
        <translation>{0} : {1} attendu, {2} trouvé</translation>
    </message>
    <message>
        <source>{0}: a value SurveyDesk does not know</source>
        <translation>{0} : une valeur que SurveyDesk ne connaît pas</translation>
    </message>
    <message>
        <source>{0}: an amount beyond what the platform pays; its record is set aside</source>
        <translation>{0} : un montant au-delà de ce que la plateforme paie ; son relevé est mis de côté</translation>
    </message>
    <message>
        <source>{0}: a negative amount where there cannot be one; its record is set aside</source>
        <translation>{0} : un montant négatif là où il ne peut pas y en avoir ; son relevé est mis de côté</translation>
    </message>
    <message>
        <source>{0}: an amount in a unit SurveyDesk does not know; its record is set aside</source>
        <translation>{0} : un montant dans une unité que SurveyDesk ne connaît pas ; son relevé est mis de côté</translation>
    </message>
    <message>
        <source>{0}: an amount SurveyDesk cannot read; its record is set aside</source>
        <translation>{0} : un montant que SurveyDesk ne peut pas lire ; son relevé est mis de côté</translation>
    </message>
    <message>
        <source>amounts beyond what it pays</source>
        <translation>des montants au-delà de ce qu’elle paie</translation>
    </message>
    <message>
        <source>negative amounts where there cannot be any</source>
        <translation>des montants négatifs là où il ne peut pas y en avoir</translation>
    </message>
    <message>
        <source>amounts in a unit SurveyDesk does not know</source>
        <translation>des montants dans une unité que SurveyDesk ne connaît pas</translation>
    </message>
    <message>
        <source>amounts SurveyDesk cannot read</source>
        <translation>des montants que SurveyDesk ne peut pas lire</translation>
    </message>
    <message>
        <source>its tasks still show</source>
        <translation>ses tâches s’affichent toujours</translation>
    </message>
    <message>
        <source>its tasks wait</source>
        <translation>ses tâches attendent</translation>
    </message>
    <message>
        <source>earnings from it still come in</source>
        <translation>ses gains arrivent toujours</translation>
    </message>
    <message>
        <source>earnings from it wait</source>
        <translation>ses gains attendent</translation>
    </message>
    <message>
        <source>taking its tasks still works</source>
        <translation>prendre ses tâches fonctionne toujours</translation>
    </message>
    <message>
        <source>taking its tasks may fail</source>
        <translation>prendre ses tâches peut échouer</translation>
    </message>
    <message>
        <source>{0} changed something SurveyDesk reads; {1}. Help, Report a platform change… shows what changed, to send to SurveyDesk&apos;s makers.</source>
        <translation>{0} a changé quelque chose que SurveyDesk lit ; {1}. Aide, Signaler un changement de plateforme… montre ce qui a changé, à envoyer aux auteurs de SurveyDesk.</translation>
    </message>
    <message>
        <source>SurveyDesk set aside {1} of {0}&apos;s records ({2}): they are not in your earnings; the rest are. Check those amounts on {0} itself; Help, Report a platform change… shows what was wrong, to send to SurveyDesk&apos;s makers.</source>
        <translation>SurveyDesk a mis de côté {1} des relevés de {0} ({2}) : ils ne sont pas dans vos gains ; les autres y sont. Vérifiez ces montants sur {0} même ; Aide, Signaler un changement de plateforme… montre ce qui n’allait pas, à envoyer aux auteurs de SurveyDesk.</translation>
    </message>
    <message>
        <source>{0} {1}</source>
        <translation>{0} {1}</translation>
    </message>
    <message>
        <source>{0}, {1}</source>
        <translation>{0}, {1}</translation>
    </message>
    <message>
        <source>still read</source>
        <translation>toujours lu</translation>
    </message>
    <message>
        <source>not read</source>
        <translation>non lu</translation>
    </message>
    <message>
        <source>tasks</source>
        <translation>tâches</translation>
    </message>
    <message>
        <source>earnings</source>
        <translation>gains</translation>
    </message>
    <message>
        <source>taking a task</source>
        <translation>prise d’une tâche</translation>
    </message>
    <message>
        <source>{0} · {1} · {2}: {3}</source>
        <translation>{0} · {1} · {2} : {3}</translation>
    </message>
    <message>
        <source>No platform has changed anything SurveyDesk reads since SurveyDesk started.</source>
        <translation>Aucune plateforme n’a changé ce que SurveyDesk lit depuis le démarrage de SurveyDesk.</translation>
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
        <source>The demo stopped as soon as it started. Try again; if it stops again, the log file says why.</source>
        <translation>La démo s’est arrêtée aussitôt lancée. Réessayez&#xa0;; si elle s’arrête encore, le fichier journal dit pourquoi.</translation>
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
    <name>SignInWindow</name>
    <message>
        <source>Sign in to {0}</source>
        <translation>Connexion à {0}</translation>
    </message>
    <message>
        <source>Sign in as you do in your web browser. SurveyDesk keeps only what lets it see your tasks and earnings, in your computer&apos;s keyring; it never takes a task without your click.</source>
        <translation>Connectez-vous comme dans votre navigateur. SurveyDesk ne garde que ce qui lui permet de voir vos tâches et vos gains, dans le trousseau de votre ordinateur&#xa0;; il ne prend jamais une tâche sans votre clic.</translation>
    </message>
    <message>
        <source>The sign-in page could not be opened. Check your internet connection and try again.</source>
        <translation>La page de connexion n’a pas pu s’ouvrir. Vérifiez votre connexion à Internet et réessayez.</translation>
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
        <source>Paced: the platform asked to wait a little</source>
        <translation>Rythme imposé&#xa0;: la plateforme demande d’attendre un peu</translation>
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
        <translation>Gains&#xa0;: {0}</translation>
    </message>
</context>
<context>
    <name>SyncDialog</name>
    <message>
        <source>Sync between computers</source>
        <translation>Synchroniser entre ordinateurs</translation>
    </message>
    <message>
        <source>https://couch.example.org</source>
        <translation>https://couch.example.org</translation>
    </message>
    <message>
        <source>Also replicate my profile answers</source>
        <translation>Répliquer aussi les réponses de mon profil</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Tester</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Synchroniser maintenant</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Turn sync off</source>
        <translation>Désactiver la synchronisation</translation>
    </message>
    <message>
        <source>Server address:</source>
        <translation>Adresse du serveur&#xa0;:</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>Base de données&#xa0;:</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Utilisateur&#xa0;:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Mot de passe&#xa0;:</translation>
    </message>
    <message>
        <source>What is replicated between your computers:</source>
        <translation>Ce qui est répliqué entre vos ordinateurs&#xa0;:</translation>
    </message>
    <message>
        <source>• Earnings log entries and the history of their status, with your notes</source>
        <translation>• Les entrées du journal des gains et l’historique de leur statut, avec vos notes</translation>
    </message>
    <message>
        <source>• Timed attempts at tasks and your shifts, once they are finished</source>
        <translation>• Les tentatives de tâches chronométrées et vos sessions, une fois terminées</translation>
    </message>
    <message>
        <source>• Your rules for the task list and for alerts, your alert settings, country and minimum wage</source>
        <translation>• Vos règles pour la liste des tâches et pour les alertes, vos réglages d’alerte, votre pays et votre salaire minimum</translation>
    </message>
    <message>
        <source>• Your profile answers, only if you tick the box above</source>
        <translation>• Les réponses de votre profil, seulement si vous cochez la case ci-dessus</translation>
    </message>
    <message>
        <source>Never: platform logins, passwords, or these sync settings themselves.</source>
        <translation>Jamais&#xa0;: les identifiants de plateforme, les mots de passe, ni ces réglages de synchronisation eux-mêmes.</translation>
    </message>
    <message>
        <source>kept in your keyring; type to change it</source>
        <translation>gardé dans votre trousseau&#xa0;; tapez pour le changer</translation>
    </message>
    <message>
        <source>Last successful sync: {0}</source>
        <translation>Dernière synchronisation réussie&#xa0;: {0}</translation>
    </message>
    <message>
        <source>Last successful sync: never</source>
        <translation>Dernière synchronisation réussie&#xa0;: jamais</translation>
    </message>
    <message>
        <source>Enter the password to test the connection.</source>
        <translation>Saisissez le mot de passe pour tester la connexion.</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Test en cours…</translation>
    </message>
    <message>
        <source>The test failed with an error of ours; see the log file.</source>
        <translation>Le test a échoué à cause d’une erreur de notre part&#xa0;; consultez le fichier journal.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Synchronisation…</translation>
    </message>
    <message>
        <source>Sync is off. Nothing on the server was deleted.</source>
        <translation>La synchronisation est désactivée. Rien n’a été supprimé sur le serveur.</translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message>
        <source>syncing…</source>
        <translation>synchronisation…</translation>
    </message>
    <message>
        <source>the platform paces us; going on at {0}</source>
        <translation>la plateforme nous fait patienter&#xa0;; reprise à {0}</translation>
    </message>
    <message>
        <source>again at {0}</source>
        <translation>nouvel essai à {0}</translation>
    </message>
    <message>
        <source>not synced yet</source>
        <translation>pas encore synchronisé</translation>
    </message>
    <message>
        <source>synced {0}</source>
        <translation>synchronisé à {0}</translation>
    </message>
    <message>
        <source>Sync earnings now</source>
        <translation>Synchroniser les gains maintenant</translation>
    </message>
    <message>
        <source>S&amp;ync earnings now</source>
        <translation>Synchroniser les &amp;gains maintenant</translation>
    </message>
    <message>
        <source>First sync of earnings</source>
        <translation>Première synchronisation des gains</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Stop after the page being read; what was read is kept</source>
        <translation>S’arrête après la page en cours de lecture&#xa0;; ce qui a été lu est conservé</translation>
    </message>
    <message>
        <source>Online: earnings sync with the platforms</source>
        <translation>En ligne&#xa0;: les gains se synchronisent avec les plateformes</translation>
    </message>
    <message>
        <source>Offline: your earnings history is all here; it syncs when the network is back</source>
        <translation>Hors ligne&#xa0;: tout votre historique de gains est là&#xa0;; il se synchronisera au retour du réseau</translation>
    </message>
    <message>
        <source>First sync of {0}: {1} records, {2} pages</source>
        <translation>Première synchronisation de {0}&#xa0;: {1}&#xa0;enregistrements, {2}&#xa0;pages</translation>
    </message>
    <message>
        <source>First sync of {0} accounts: {1} records, {2} pages</source>
        <translation>Première synchronisation de {0}&#xa0;comptes&#xa0;: {1}&#xa0;enregistrements, {2}&#xa0;pages</translation>
    </message>
</context>
<context>
    <name>SyncService</name>
    <message>
        <source>Syncing with {0}…</source>
        <translation>Synchronisation avec {0}…</translation>
    </message>
    <message>
        <source>Sync failed (internal error; see the log file); next try at {0}</source>
        <translation>Échec de la synchronisation (erreur interne&#xa0;; consultez le fichier journal)&#xa0;; nouvel essai à {0}</translation>
    </message>
    <message>
        <source>Sync stopped: {0}. Check the settings in File ▸ Sync between computers…</source>
        <translation>Synchronisation arrêtée&#xa0;: {0}. Vérifiez les réglages dans Fichier ▸ Synchroniser entre ordinateurs…</translation>
    </message>
    <message>
        <source>Synced at {0}, but the disk is full, so SurveyDesk cannot save anything. Free some space.</source>
        <translation>Synchronisé à {0}, mais le disque est plein&#xa0;: SurveyDesk ne peut plus rien enregistrer. Libérez de la place.</translation>
    </message>
    <message>
        <source>Sync paused: the disk is full, so nothing could be saved. Free some space: your {0} changes wait and nothing is lost; trying again at {1}</source>
        <translation>Synchronisation en pause&#xa0;: le disque est plein, rien n’a pu être enregistré. Libérez de la place&#xa0;: vos {0} modifications attendent et rien n’est perdu&#xa0;; nouvel essai à {1}</translation>
    </message>
    <message>
        <source>Sync paused: the disk is full, so nothing could be saved. Free some space; trying again at {0}</source>
        <translation>Synchronisation en pause&#xa0;: le disque est plein, rien n’a pu être enregistré. Libérez de la place&#xa0;; nouvel essai à {0}</translation>
    </message>
    <message>
        <source>Sync is waiting for its password: enter it in File ▸ Sync between computers…</source>
        <translation>La synchronisation attend son mot de passe&#xa0;: saisissez-le dans Fichier ▸ Synchroniser entre ordinateurs…</translation>
    </message>
    <message>
        <source>Sync cannot read its password: {0}</source>
        <translation>La synchronisation ne peut pas lire son mot de passe&#xa0;: {0}</translation>
    </message>
    <message>
        <source>Offline ({0}): {1} changes wait; trying again at {2}</source>
        <translation>Hors ligne ({0})&#xa0;: {1} modifications en attente&#xa0;; nouvel essai à {2}</translation>
    </message>
    <message>
        <source>The sync server is busy: {0} changes wait; trying again at {1}</source>
        <translation>Le serveur de synchronisation est occupé&#xa0;: {0} modifications en attente&#xa0;; nouvel essai à {1}</translation>
    </message>
    <message>
        <source>Sync failed: {0}; trying again at {1}</source>
        <translation>Échec de la synchronisation&#xa0;: {0}&#xa0;; nouvel essai à {1}</translation>
    </message>
    <message>
        <source>Sync is off (File ▸ Sync between computers…)</source>
        <translation>Synchronisation désactivée (Fichier ▸ Synchroniser entre ordinateurs…)</translation>
    </message>
    <message>
        <source>Synced at {0}</source>
        <translation>Synchronisé à {0}</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Pas encore synchronisé</translation>
    </message>
    <message>
        <source> · {0} changes wait</source>
        <translation> · {0} modifications en attente</translation>
    </message>
    <message>
        <source> · {0} records on the server could not be read (see the log file)</source>
        <translation> · {0} enregistrements du serveur n’ont pas pu être lus (consultez le fichier journal)</translation>
    </message>
    <message>
        <source> · {0} records come from a newer SurveyDesk on another computer: this one keeps them and shows them once it is updated</source>
        <translation> · {0} enregistrements viennent d’une version plus récente de SurveyDesk sur un autre ordinateur : celui-ci les garde et les montrera une fois mis à jour</translation>
    </message>
</context>
<context>
    <name>SyncTarget</name>
    <message>
        <source>The server address is not a web address.</source>
        <translation>L’adresse du serveur n’est pas une adresse web.</translation>
    </message>
    <message>
        <source>The server address must start with https:// (or http:// on your own network).</source>
        <translation>L’adresse du serveur doit commencer par https:// (ou http:// sur votre propre réseau).</translation>
    </message>
    <message>
        <source>Leave the user name and password out of the address; use their own fields.</source>
        <translation>Ne mettez ni le nom d’utilisateur ni le mot de passe dans l’adresse&#xa0;; utilisez leurs propres champs.</translation>
    </message>
    <message>
        <source>The server address cannot have a query (?…) or a fragment (#…).</source>
        <translation>L’adresse du serveur ne peut pas contenir de requête (?…) ni de fragment (#…).</translation>
    </message>
    <message>
        <source>A database name starts with a lower-case letter and holds only lower-case letters, digits and _ $ ( ) + - /.</source>
        <translation>Un nom de base commence par une lettre minuscule et ne contient que des lettres minuscules, des chiffres et _ $ ( ) + - /.</translation>
    </message>
    <message>
        <source>Not connected: {0}.</source>
        <translation>Non connecté&#xa0;: {0}.</translation>
    </message>
    <message>
        <source>Connected to {0}. It holds {1} records.</source>
        <translation>Connecté à {0}. La base contient {1} enregistrements.</translation>
    </message>
    <message>
        <source>Connected to {0}.</source>
        <translation>Connecté à {0}.</translation>
    </message>
</context>
<context>
    <name>TakeFlow</name>
    <message>
        <source>“{0}” can no longer be taken here: its account was removed.</source>
        <translation>«&#xa0;{0}&#xa0;» ne peut plus être prise ici&#xa0;: son compte a été supprimé.</translation>
    </message>
    <message>
        <source>Taking “{0}”…</source>
        <translation>Prise de «&#xa0;{0}&#xa0;»…</translation>
    </message>
    <message>
        <source>Could not take “{0}”: {1}</source>
        <translation>Impossible de prendre «&#xa0;{0}&#xa0;»&#xa0;: {1}</translation>
    </message>
    <message>
        <source>“{0}” is taken, but no web browser could be opened for it.</source>
        <translation>«&#xa0;{0}&#xa0;» est réservée, mais aucun navigateur web n’a pu l’ouvrir.</translation>
    </message>
    <message>
        <source>“{0}” was not opened: its address is not one SurveyDesk trusts.</source>
        <translation>«&#xa0;{0}&#xa0;» n’a pas été ouvert&#xa0;: son adresse n’est pas de celles auxquelles SurveyDesk se fie.</translation>
    </message>
    <message>
        <source>Could not take “{0}”: an error of ours; see the log file.</source>
        <translation>Impossible de prendre «&#xa0;{0}&#xa0;»&#xa0;: une erreur de notre part&#xa0;; consultez le fichier journal.</translation>
    </message>
</context>
<context>
    <name>TakeResult</name>
    <message>
        <source>Survey opened in your browser.</source>
        <translation>Enquête ouverte dans votre navigateur.</translation>
    </message>
    <message>
        <source>HIT accepted: it is in your queue.</source>
        <translation>HIT acceptée&#xa0;: elle est dans votre file d’attente.</translation>
    </message>
    <message>
        <source>Place reserved: you have {0} minutes to start.</source>
        <translation>Place réservée&#xa0;: vous avez {0} minutes pour commencer.</translation>
    </message>
    <message>
        <source>Opened in Toloka: take the task there.</source>
        <translation>Ouvert dans Toloka&#xa0;: prenez la tâche là-bas.</translation>
    </message>
</context>
<context>
    <name>TaskChecker</name>
    <message>
        <source>An amount earned cannot be negative: {0} was typed. Type it without the minus sign.</source>
        <translation>Une somme gagnée ne peut pas être négative&#xa0;: vous avez saisi {0}. Saisissez-la sans le signe moins.</translation>
    </message>
    <message>
        <source>{0} is more than any platform pays for one task: check the number of digits.</source>
        <translation>{0}, c’est plus qu’aucune plateforme ne paie pour une tâche&#xa0;: vérifiez le nombre de chiffres.</translation>
    </message>
    <message>
        <source>a task offers {0}, which no task pays</source>
        <translation>une tâche propose {0}, ce qu’aucune tâche ne paie</translation>
    </message>
    <message>
        <source>a task&apos;s id holds characters or a length no id has</source>
        <translation>l’identifiant d’une tâche contient des caractères ou a une longueur qu’aucun identifiant n’a</translation>
    </message>
    <message>
        <source>a task gives a count of {0}, which cannot be right</source>
        <translation>une tâche indique un nombre de {0}, ce qui ne peut pas être juste</translation>
    </message>
</context>
<context>
    <name>TaskDetails</name>
    <message>
        <source>Task description</source>
        <translation>Description de la tâche</translation>
    </message>
    <message>
        <source>The platform gives no description of this task.</source>
        <translation>La plateforme ne donne aucune description de cette tâche.</translation>
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
        <source>Fit:</source>
        <translation>Éligibilité :</translation>
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
        <source>Open task page on {0}</source>
        <translation>Ouvrir la page de la tâche sur {0}</translation>
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
        <source>{0} s</source>
        <translation>{0} s</translation>
    </message>
    <message>
        <source>Survey</source>
        <translation>Enquête</translation>
    </message>
    <message>
        <source>Top survey</source>
        <translation>Enquête phare</translation>
    </message>
    <message>
        <source>Start bonus</source>
        <translation>Bonus de démarrage</translation>
    </message>
    <message>
        <source>needs qualification</source>
        <translation>qualification requise</translation>
    </message>
    <message>
        <source>{0} min</source>
        <translation>{0} min</translation>
    </message>
    <message>
        <source>{0} points</source>
        <translation>{0} points</translation>
    </message>
    <message>
        <source>{0} h {1}</source>
        <translation>{0} h {1}</translation>
    </message>
    <message>
        <source>{0} d</source>
        <translation>{0} j</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Plateforme</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Requester</source>
        <translation>Demandeur</translation>
    </message>
    <message>
        <source>Your history</source>
        <translation>Votre bilan</translation>
    </message>
    <message>
        <source>Reward</source>
        <translation>Rémun.</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <source>Reward/h</source>
        <translation>Rémun./h</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Places</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Âge</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Éligibilité</translation>
    </message>
    <message>
        <source>✗ cannot take</source>
        <translation>✗ impossible</translation>
    </message>
    <message>
        <source>⚠ screen-outs</source>
        <translation>⚠ non-qualifications</translation>
    </message>
    <message>
        <source>some screen-outs</source>
        <translation>quelques non-qualifications</translation>
    </message>
    <message>
        <source>Hidden by your rules: {0}</source>
        <translation>Masquée par vos règles : {0}</translation>
    </message>
    <message>
        <source>your profile says you cannot take it: {0}</source>
        <translation>selon votre profil, vous ne pouvez pas la prendre&#xa0;: {0}</translation>
    </message>
</context>
<context>
    <name>Timekeeper</name>
    <message>
        <source>Say first whether the time while SurveyDesk was closed counts as work.</source>
        <translation>Dites d’abord si le temps pendant lequel SurveyDesk était fermé compte comme du travail.</translation>
    </message>
    <message>
        <source>“{0}” has already ended.</source>
        <translation>«&#xa0;{0}&#xa0;» est déjà terminée.</translation>
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
        <source>Disk full</source>
        <translation>Disque plein</translation>
    </message>
    <message>
        <source>The timer keeps counting, but the disk is full so nothing can be saved. Free some space: the time is saved as soon as it can be.</source>
        <translation>Le chronomètre continue de compter, mais le disque est plein et rien ne peut être enregistré. Libérez de la place&#xa0;: le temps sera enregistré dès que possible.</translation>
    </message>
    <message>
        <source>Completion code</source>
        <translation>Code de fin d’étude</translation>
    </message>
    <message>
        <source>Completion code (optional)</source>
        <translation>Code de fin d’étude (facultatif)</translation>
    </message>
    <message>
        <source>Optional: paste the code the study showed at its end, or its completion link. SurveyDesk keeps it with the task, as evidence if you ever need to claim the money.</source>
        <translation>Facultatif&#xa0;: collez le code que l’étude a affiché à la fin, ou son lien de fin. SurveyDesk le garde avec la tâche, comme preuve si vous deviez un jour réclamer l’argent.</translation>
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
    <name>TolokaConnector</name>
    <message>
        <source>Toloka signed you out: sign in to Toloka again</source>
        <translation>Toloka a fermé votre session&#xa0;: reconnectez-vous à Toloka</translation>
    </message>
    <message>
        <source>Toloka sent SurveyDesk to another server, as it does once you are signed out: sign in to Toloka again</source>
        <translation>Toloka a envoyé SurveyDesk vers un autre serveur, comme il le fait une fois votre session fermée&#xa0;: reconnectez-vous à Toloka</translation>
    </message>
    <message>
        <source>Toloka answered with something that is not JSON</source>
        <translation>Toloka a répondu par autre chose que du JSON</translation>
    </message>
    <message>
        <source>Toloka answered with error {0} instead of a list of task groups</source>
        <translation>Toloka a répondu par l’erreur {0} au lieu d’une liste de groupes de tâches</translation>
    </message>
    <message>
        <source>Toloka&apos;s answer is not a list of task groups</source>
        <translation>La réponse de Toloka n’est pas une liste de groupes de tâches</translation>
    </message>
    <message>
        <source>a task group in Toloka&apos;s list is not an object</source>
        <translation>un groupe de tâches de la liste de Toloka n’est pas un objet</translation>
    </message>
    <message>
        <source>task group {0} has no pool to take tasks from</source>
        <translation>le groupe de tâches {0} n’a pas de pool où prendre des tâches</translation>
    </message>
    <message>
        <source>a pool in Toloka&apos;s list has no id</source>
        <translation>un pool de la liste de Toloka n’a pas d’identifiant</translation>
    </message>
    <message>
        <source>task group {0} has no title</source>
        <translation>le groupe de tâches {0} n’a pas de titre</translation>
    </message>
    <message>
        <source>task group {0} has no reward</source>
        <translation>le groupe de tâches {0} n’a pas de récompense</translation>
    </message>
    <message>
        <source>task group {0} has a reward of the wrong type: {1}</source>
        <translation>le groupe de tâches {0} a une récompense du mauvais type&#xa0;: {1}</translation>
    </message>
    <message>
        <source>task group {0} has an unreadable reward: {1}</source>
        <translation>le groupe de tâches {0} a une récompense illisible&#xa0;: {1}</translation>
    </message>
    <message>
        <source>Not signed in to Toloka: sign in from Accounts</source>
        <translation>Pas de connexion à Toloka&#xa0;: connectez-vous depuis Comptes</translation>
    </message>
    <message>
        <source>SurveyDesk cannot read your saved Toloka sign-in: sign in to Toloka again</source>
        <translation>SurveyDesk ne peut pas lire votre connexion Toloka enregistrée&#xa0;: reconnectez-vous à Toloka</translation>
    </message>
</context>
<context>
    <name>TolokaEarnings</name>
    <message>
        <source>Toloka&apos;s income log went on for more than {0} pages</source>
        <translation>Le journal des revenus de Toloka dépasse {0} pages</translation>
    </message>
    <message>
        <source>Toloka&apos;s answer is not readable</source>
        <translation>La réponse de Toloka est illisible</translation>
    </message>
    <message>
        <source>Toloka&apos;s income log is not a list of days</source>
        <translation>Le journal des revenus de Toloka n’est pas une liste de jours</translation>
    </message>
    <message>
        <source>a day of Toloka&apos;s income log is not an object</source>
        <translation>un jour du journal des revenus de Toloka n’est pas un objet</translation>
    </message>
    <message>
        <source>a day of Toloka&apos;s income log has no readable date: {0}</source>
        <translation>un jour du journal des revenus de Toloka n’a pas de date lisible&#xa0;: {0}</translation>
    </message>
    <message>
        <source>a day of Toloka&apos;s income log has no list of tasks</source>
        <translation>un jour du journal des revenus de Toloka n’a pas de liste de tâches</translation>
    </message>
    <message>
        <source>a task of Toloka&apos;s income log is not an object</source>
        <translation>une tâche du journal des revenus de Toloka n’est pas un objet</translation>
    </message>
    <message>
        <source>Toloka&apos;s withdrawals are not a page of them</source>
        <translation>Les retraits de Toloka ne forment pas une page de retraits</translation>
    </message>
    <message>
        <source>Toloka&apos;s answer holds no withdrawals</source>
        <translation>La réponse de Toloka ne contient aucun retrait</translation>
    </message>
    <message>
        <source>Toloka&apos;s withdrawals went on for more than {0} pages</source>
        <translation>Les retraits de Toloka dépassent {0} pages</translation>
    </message>
    <message>
        <source>a withdrawal of Toloka is not an object</source>
        <translation>un retrait de Toloka n’est pas un objet</translation>
    </message>
    <message>
        <source>Bonus: {0}</source>
        <translation>Bonus&#xa0;: {0}</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>Take</source>
        <translation>Prendre</translation>
    </message>
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
    <name>UnknownPlatform</name>
    <message>
        <source>SurveyDesk cannot talk to {0} yet</source>
        <translation>SurveyDesk ne sait pas encore dialoguer avec {0}</translation>
    </message>
</context>
<context>
    <name>UnpaidChart</name>
    <message>
        <source>Unpaid share</source>
        <translation>Part non payée</translation>
    </message>
    <message>
        <source>Hours that paid nothing</source>
        <translation>Heures qui n’ont rien rapporté</translation>
    </message>
    <message>
        <source>Earnings not yet paid out</source>
        <translation>Gains pas encore versés</translation>
    </message>
</context>
<context>
    <name>UnreadableRowsDialog</name>
    <message>
        <source>Some rows cannot be read</source>
        <translation>Certaines lignes sont illisibles</translation>
    </message>
    <message>
        <source>{0} row(s) of this file cannot be read. Import the {1} others, or nothing?</source>
        <translation>{0} ligne(s) de ce fichier sont illisibles. Importer les {1} autres, ou rien&#xa0;?</translation>
    </message>
    <message>
        <source>The rows that cannot be read</source>
        <translation>Les lignes illisibles</translation>
    </message>
    <message>
        <source>Import the {0} others</source>
        <translation>Importer les {0} autres</translation>
    </message>
    <message>
        <source>Import nothing</source>
        <translation>N’importer rien</translation>
    </message>
</context>
<context>
    <name>UnusableFolderError</name>
    <message>
        <source>SurveyDesk is not allowed to write there</source>
        <translation>SurveyDesk n’a pas le droit d’y écrire</translation>
    </message>
    <message>
        <source>the disk it is on can only be read</source>
        <translation>son disque est en lecture seule</translation>
    </message>
    <message>
        <source>the disk it is on is full</source>
        <translation>son disque est plein</translation>
    </message>
    <message>
        <source>your share of the disk it is on is full</source>
        <translation>votre part de son disque est pleine</translation>
    </message>
    <message>
        <source>a file stands where a folder should be</source>
        <translation>un fichier se trouve à la place d’un dossier</translation>
    </message>
    <message>
        <source>a folder stands where SurveyDesk&apos;s file should be</source>
        <translation>un dossier se trouve à la place du fichier de SurveyDesk</translation>
    </message>
    <message>
        <source>it does not exist and could not be made</source>
        <translation>il n’existe pas et n’a pas pu être créé</translation>
    </message>
    <message>
        <source>its disk could not be read or written</source>
        <translation>son disque n’a pu être ni lu ni écrit</translation>
    </message>
</context>
<context>
    <name>WageChart</name>
    <message>
        <source>Task wage and true wage per hour</source>
        <translation>Salaire par tâche et salaire réel de l’heure</translation>
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
        <source>{0}/h</source>
        <translation>{0}/h</translation>
    </message>
    <message>
        <source>Left out where under a minute of work: too short to count</source>
        <translation>Omis sous une minute de travail&#xa0;: trop court pour compter</translation>
    </message>
</context>
<context>
    <name>WagesPanel</name>
    <message>
        <source>{0}%</source>
        <translation>{0}&#xa0;%</translation>
    </message>
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
        <source>Wages: too short to count yet</source>
        <translation>Salaires&#xa0;: trop tôt pour compter</translation>
    </message>
    <message>
        <source>{0}:{1}</source>
        <translation>{0}&#xa0;h&#xa0;{1}</translation>
    </message>
    <message>
        <source>Nothing paid yet.</source>
        <translation>Rien de payé pour l’instant.</translation>
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
        <source>Minimum wage: none set; you can type one below.</source>
        <translation>Salaire minimum&#xa0;: aucun&#xa0;; vous pouvez en saisir un ci-dessous.</translation>
    </message>
    <message>
        <source>Minimum wage of {0}: no exchange rate to {1} on {2} yet, so it is not compared (History, Exchange rates…).</source>
        <translation>Salaire minimum de {0}&#xa0;: pas encore de taux de change vers {1} au {2}, il n’est donc pas comparé (Historique, Taux de change…).</translation>
    </message>
    <message>
        <source>Minimum wage {0} = {1} at the rate of {2}</source>
        <translation>Salaire minimum {0} = {1} au taux du {2}</translation>
    </message>
    <message>
        <source>Earned or pending</source>
        <translation>Gagné ou en attente</translation>
    </message>
    <message>
        <source>What your ended tasks earned, approved or paid, and what still awaits review, as History says</source>
        <translation>Ce que vos tâches terminées ont gagné, approuvé ou payé, et ce qui attend encore d’être examiné, selon l’Historique</translation>
    </message>
    <message>
        <source>Task wage</source>
        <translation>Salaire par tâche</translation>
    </message>
    <message>
        <source>too short to count</source>
        <translation>trop court pour compter</translation>
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
        <translation>{0}&#xa0;: sous le minimum de {1}</translation>
    </message>
    <message>
        <source>{0}: above the minimum wage of {1}</source>
        <translation>{0}&#xa0;: au-dessus du minimum de {1}</translation>
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
</context>
<context>
    <name>WallLinkSignIn</name>
    <message>
        <source>A BitLabs survey wall for member {0}: SurveyDesk can list its surveys.</source>
        <translation>Un mur de sondages BitLabs pour le membre {0}&#xa0;: SurveyDesk peut lister ses sondages.</translation>
    </message>
    <message>
        <source>A CPX Research survey wall (app {0}) for member {1}, without a signature: CPX lists surveys only if the rewards site does not ask for one.</source>
        <translation>Un mur de sondages CPX Research (application {0}) pour le membre {1}, sans signature&#xa0;: CPX ne liste les sondages que si le site de récompenses n’en demande pas.</translation>
    </message>
    <message>
        <source>A CPX Research survey wall (app {0}) for member {1}: SurveyDesk can list its surveys.</source>
        <translation>Un mur de sondages CPX Research (application {0}) pour le membre {1}&#xa0;: SurveyDesk peut lister ses sondages.</translation>
    </message>
    <message>
        <source>This is not a {0} link. Copy the address of the {0} survey page of your rewards site.</source>
        <translation>Ce n’est pas un lien {0}. Copiez l’adresse de la page des sondages {0} de votre site de récompenses.</translation>
    </message>
    <message>
        <source>your member number</source>
        <translation>votre numéro de membre</translation>
    </message>
    <message>
        <source>the rewards site&apos;s key</source>
        <translation>la clé du site de récompenses</translation>
    </message>
    <message>
        <source>the rewards site&apos;s number</source>
        <translation>le numéro du site de récompenses</translation>
    </message>
    <message>
        <source>the signature</source>
        <translation>la signature</translation>
    </message>
    <message>
        <source>This {0} link lacks {1}: copy the whole address, from the survey page itself.</source>
        <translation>Il manque {1} à ce lien {0}&#xa0;: copiez l’adresse entière, depuis la page des sondages elle-même.</translation>
    </message>
    <message>
        <source>This {0} link has {1} in an unexpected form: copy the address again, without changing it.</source>
        <translation>Ce lien {0} contient {1} sous une forme inattendue&#xa0;: copiez de nouveau l’adresse, sans la modifier.</translation>
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
        <source>Sign in again…</source>
        <translation>Se reconnecter…</translation>
    </message>
</context>
</TS>
