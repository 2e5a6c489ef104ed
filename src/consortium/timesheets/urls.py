from consortium.timesheets.views import review, week

app_name = "timesheets"

# Each module of views lists its own addresses: the expert's week, then the reviews (approval,
# period locks, audit trail).
urlpatterns = [*week.urlpatterns, *review.urlpatterns]
