"""The survey pages: the workspace's (`staff.py`: build, open, close, read the results and
export them; `answer.py`: a staff member answering a staff survey) and the member portal's
(`portal.py`)."""
